import Foundation
import PyBindGenCore

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

    /// The cache folder: `$PYBINDGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/swift-pybindgen`, else
    /// `~/.cache/swift-pybindgen`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PYBINDGEN_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/swift-pybindgen" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/swift-pybindgen"
    }

    /// The `site-packages` of the typing environment, creating it on first use. Returns `nil` (and says why
    /// through `log`) when it cannot be created, for example without network: the generator then falls back to
    /// runtime signatures and annotations.
    public static func sitePackages(pythonExecutable: String, pythonVersion: String, log: (String) -> Void) -> String? {
        let minor = pythonVersion.split(separator: ".").prefix(2).joined(separator: ".")
        let name = "typing-python\(minor)-" + mypyRequirement.replacingOccurrences(of: "==", with: "-")
        let root = cacheDirectory() + "/" + name
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
            try run(pythonExecutable, ["-m", "venv", staging], log: log)
            try run(
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

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a command, passing each line of its output to `log` as it arrives.
    private static func run(_ executable: String, _ arguments: [String], log: (String) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONUNBUFFERED": "1"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var pending = Data()
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                if !line.isEmpty { log("  " + line) }
            }
        }
        if !pending.isEmpty { log("  " + String(decoding: pending, as: UTF8.self)) }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}

/// An exclusive `flock` on a file, held until ``unlock()``; released by the kernel if the process dies.
private struct FileLock {
    private let descriptor: Int32

    /// Takes the lock, calling `waiting` once if another process holds it.
    init(path: String, waiting: () -> Void) throws {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TypingEnvironment.CommandFailed(description: "cannot open the lock file \(path): errno \(errno)")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw TypingEnvironment.CommandFailed(description: "cannot lock \(path): errno \(errno)")
                }
            }
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
