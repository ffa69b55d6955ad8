import Foundation
import PyBindGenCore
import PythonRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Provisions the typing source (mypy, which carries typeshed's stubs) in a private virtual environment in the
/// user's cache, once, with pip, using the same interpreter as the embedded runtime.
///
/// Safe when several `pybindgen` processes start at once (two targets using the build plugin do): one takes a
/// file lock and installs into a temporary folder that is renamed into place when complete; the others wait for
/// the lock and then use the finished environment. pip's output is streamed while it runs.
public enum TypingEnvironment {
    /// The mypy release the generator reads stubs with; pinned so output is the same on every machine.
    public static let mypyRequirement = "mypy==2.4.1"

    /// The cache folder (``PythonEnvironments/cacheDirectory(environment:)``, shared with the runtime).
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        PythonEnvironments.cacheDirectory(environment: environment)
    }

    /// The folder of the typing environment for Python `pythonVersion` (`3.11` or `3.11.2`).
    static func root(pythonVersion: String) -> String {
        let minor = pythonVersion.split(separator: ".").prefix(2).joined(separator: ".")
        return cacheDirectory() + "/typing-python\(minor)-" + mypyRequirement.replacingOccurrences(of: "==", with: "-")
    }

    /// The typing environment's interpreter, whose pip also installs package environments (`pip --python`), so
    /// they need no pip of their own; `nil` when the typing environment cannot be provisioned.
    static func installerPython(pythonExecutable: String, pythonVersion: String, log: (String) -> Void) -> String? {
        guard sitePackages(pythonExecutable: pythonExecutable, pythonVersion: pythonVersion, log: log) != nil else {
            return nil
        }
        return root(pythonVersion: pythonVersion) + "/bin/python"
    }

    /// The `site-packages` of the typing environment, creating it on first use. Returns `nil` (and says why
    /// through `log`) when it cannot be created, for example without network: the generator then falls back to
    /// runtime signatures and annotations.
    public static func sitePackages(pythonExecutable: String, pythonVersion: String, log: (String) -> Void) -> String? {
        let minor = pythonVersion.split(separator: ".").prefix(2).joined(separator: ".")
        let name = "typing-python\(minor)-" + mypyRequirement.replacingOccurrences(of: "==", with: "-")
        let root = self.root(pythonVersion: pythonVersion)
        let sitePackages = root + "/lib/python\(minor)/site-packages"
        let marker = root + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return sitePackages }
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory(), withIntermediateDirectories: true)
            let lock = try FileLock(path: cacheDirectory() + "/" + name + ".lock") {
                log("pybindgen: waiting for another pybindgen to finish provisioning \(name)")
            }
            defer { lock.unlock() }
            if FileManager.default.fileExists(atPath: marker) { return sitePackages }
            log("pybindgen: provisioning typeshed stubs (\(mypyRequirement)) in \(root) — once per machine")
            let staging = root + ".partial-\(getpid())"
            try? FileManager.default.removeItem(atPath: staging)
            defer { try? FileManager.default.removeItem(atPath: staging) }
            // The environment is only ever read as a site-packages folder, so it keeps working once renamed.
            try ToolProcess.run(pythonExecutable, ["-m", "venv", staging], log: log)
            try ToolProcess.run(
                staging + "/bin/python",
                ["-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off", mypyRequirement],
                log: log)
            _ = FileManager.default.createFile(atPath: staging + "/.complete", contents: Data())
            try? FileManager.default.removeItem(atPath: root)
            try FileManager.default.moveItem(atPath: staging, toPath: root)
            log("pybindgen: typing environment ready")
            return sitePackages
        } catch {
            log("pybindgen: could not provision \(mypyRequirement) (\(error)); falling back to runtime signatures")
            return nil
        }
    }
}
