import Foundation
import PythonRuntime

/// NumPy for the array tests, provisioned once into a virtual environment in pybindgen's cache folder (with pip
/// from PyPI, as the Dask tests provision Dask) and put on the embedded interpreter's path. The runtime itself
/// neither links nor requires NumPy.
enum NumPyEnvironment {
    static let requirement = "numpy==2.4.6"

    static let numpy: Result<PythonObject, any Error> = Result {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["PYBINDGEN_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/swift-pybindgen" }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/swift-pybindgen"
        let directory = URL(fileURLWithPath: cache).appendingPathComponent(
            "numpy-python\(minor)-" + requirement.replacingOccurrences(of: "==", with: "-"))
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
        return try Python.import("numpy")
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
