import Foundation
import PythonRuntime

/// Packages from PyPI for the runtime tests, each provisioned once into a virtual environment in pybindgen's cache
/// folder (with pip, as the Dask tests provision Dask) and put on the embedded interpreter's path. The runtime
/// itself neither links nor requires them.
enum CachedPackage {
    /// Installs `requirement` (once per cache) and adds its environment's site-packages to `sys.path`.
    static func provision(_ requirement: String) throws {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["PYBINDGEN_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/swift-pybindgen" }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/swift-pybindgen"
        let name = requirement.replacingOccurrences(of: "==", with: "-")
        let directory = URL(fileURLWithPath: cache).appendingPathComponent(
            "\(name.split(separator: "-").first ?? "")-python\(minor)-\(name)")
        let marker = directory.appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: directory)
            try run(versions.executable, ["-m", "venv", directory.path])
            try run(
                directory.appendingPathComponent("bin/pip").path,
                ["install", "--disable-pip-version-check", requirement])
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
        }
        let sitePackages = directory.appendingPathComponent("lib/python\(minor)/site-packages").path
        _ = try Python.run("import site\nsite.addsitedir(\(String(reflecting: sitePackages)))")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed")
        }
    }
}

/// NumPy for the array tests.
enum NumPyEnvironment {
    static let requirement = "numpy==2.4.6"

    static let numpy: Result<PythonObject, any Error> = Result {
        try CachedPackage.provision(requirement)
        return try Python.import("numpy")
    }
}
