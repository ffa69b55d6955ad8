import Foundation

/// Provisions the typing source (mypy, which carries typeshed's stubs) in a private virtual environment in the
/// user's cache, once, with pip, using the same interpreter as the embedded runtime.
public enum TypingEnvironment {
    /// The mypy release the generator reads stubs with; pinned so output is the same on every machine.
    public static let mypyRequirement = "mypy==2.4.1"

    /// The cache folder: `$PYBINDGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/swift-pybindgen`, else
    /// `~/.cache/swift-pybindgen`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PYBINDGEN_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/swift-pybindgen" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/swift-pybindgen"
    }

    /// The `site-packages` of the typing environment, creating it on first use. Returns `nil` (and says why
    /// through `log`) when it cannot be created, for example without network: the generator then falls back to
    /// runtime signatures.
    public static func sitePackages(pythonExecutable: String, pythonVersion: String, log: (String) -> Void) -> String? {
        let minor = pythonVersion.split(separator: ".").prefix(2).joined(separator: ".")
        let root =
            cacheDirectory() + "/typing-python\(minor)-" + mypyRequirement.replacingOccurrences(of: "==", with: "-")
        let sitePackages = root + "/lib/python\(minor)/site-packages"
        let marker = root + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return sitePackages }
        log("pybindgen: provisioning typeshed stubs (\(mypyRequirement)) in \(root) — once per machine")
        try? FileManager.default.removeItem(atPath: root)
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory(), withIntermediateDirectories: true)
            try run(pythonExecutable, ["-m", "venv", root], log: log)
            try run(
                root + "/bin/python",
                ["-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off", mypyRequirement],
                log: log)
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
            log("pybindgen: typing environment ready")
            return sitePackages
        } catch {
            log("pybindgen: could not provision \(mypyRequirement) (\(error)); falling back to runtime signatures")
            try? FileManager.default.removeItem(atPath: root)
            return nil
        }
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a command, passing its output lines to `log` as progress.
    private static func run(_ executable: String, _ arguments: [String], log: (String) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        for line in output.split(separator: "\n") where !line.isEmpty { log("  " + line) }
        guard process.terminationStatus == 0 else {
            throw CommandFailed(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}
