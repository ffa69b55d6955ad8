import Foundation
import PyBindGenCore
import PythonRuntime
import Testing

/// pybindgen on packages installed from PyPI into a virtual environment, as a user runs it: requests (typed by
/// the stub-only package types-requests) and numpy (typed by its own `.pyi` files) are generated with
/// `VIRTUAL_ENV` set, compiled in a scratch package, and the typed calls are compared with Python's answers.
@Suite("Installed packages: requests and numpy from a virtual environment", .serialized)
struct InstalledPackagesTests {
    static let requirements = ["requests==2.34.2", "types-requests==2.33.0.20261030", "numpy==2.4.6"]
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scratchPackage = FileManager.default.temporaryDirectory.appendingPathComponent(
        "swift-pybindgen-installed-packages")

    /// The virtual environment, provisioned once into pybindgen's cache folder (pip's output is shown).
    static let environment: Result<URL, any Error> = Result {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let name = "packages-python\(minor)-" + requirements.joined(separator: "-").replacingOccurrences(of: "==", with: "")
        let directory = URL(fileURLWithPath: TypingEnvironment.cacheDirectory()).appendingPathComponent(name)
        let marker = directory.appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: directory)
            try run(versions.executable, ["-m", "venv", directory.path])
            try run(directory.appendingPathComponent("bin/pip").path, ["install", "--disable-pip-version-check"] + requirements)
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
        }
        return directory
    }

    /// Runs a program; returns its standard output, failing with its output if it exits non-zero.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws
        -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = Result { try errors.fileHandleForReading.readToEnd() ?? Data() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: (try? errorData.get()) ?? Data(), as: UTF8.self)
            throw Failure("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)\n\(text)\n\(stderr)")
        }
        return text
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The `pybindgen` built next to this test binary.
    static var tool: String {
        URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
            .deletingLastPathComponent().appendingPathComponent("pybindgen").path
    }

    /// What the typed program prints, one line per check; `expected.py` prints Python's answers for the same.
    static let program = """
        import PythonRuntime

        let values = try PyNumpy.array(object: [1.5, 2.5, 4.0, 8.0])
        print(try values.shape.map { try Int($0) })
        print(try values.ndim)
        print(try Double(PyNumpy.mean(a: [1.5, 2.5, 4.0, 8.0])))
        print(try Double(PyNumpy.mean(a: values).object))
        print(try values.tolist().description)

        let response = try PyRequests.Response(Python.run(\"""
            import requests
            response = requests.Response()
            response.status_code = 404
            response.reason = "Not Found"
            response._content = b'{"error": "missing", "codes": [1, 2]}'
            response.url = "https://example.invalid/item"
            \""")["response"])
        print(try response.statusCode)
        print(try response.ok)
        print(try response.reason)
        print(try response.url)
        print(try response.text)
        print(try [String: PythonObject](response.json())["error"]!)
        do {
            try response.raiseForStatus()
            print("no error")
        } catch {
            print(error.typeName)
        }
        """

    static let expected = """
        import json, numpy, requests
        values = numpy.array([1.5, 2.5, 4.0, 8.0])
        print(list(values.shape))
        print(values.ndim)
        print(float(numpy.mean([1.5, 2.5, 4.0, 8.0])))
        print(float(numpy.mean(values)))
        print(values.tolist())
        response = requests.Response()
        response.status_code = 404
        response.reason = "Not Found"
        response._content = b'{"error": "missing", "codes": [1, 2]}'
        response.url = "https://example.invalid/item"
        print(response.status_code)
        print(response.ok)
        print(response.reason)
        print(response.url)
        print(response.text)
        print(response.json()["error"])
        try:
            response.raise_for_status()
            print("no error")
        except requests.HTTPError as error:
            print("requests.exceptions.HTTPError")
        """

    @Test func generateCompileAndCall() throws {
        let environment = try Self.environment.get()
        let venv = ["VIRTUAL_ENV": environment.path]
        let manager = FileManager.default
        let sources = Self.scratchPackage.appendingPathComponent("Sources/Demo")
        try? manager.removeItem(at: sources)
        try manager.createDirectory(at: sources, withIntermediateDirectories: true)
        let summary = try Self.run(
            Self.tool, ["requests", "numpy", "--flat", "--output", sources.path], environment: venv)
        #expect(summary.contains("requests → PyRequests:"))
        #expect(summary.contains("[stub package requests-stubs through mypy"), "\(summary)")
        #expect(summary.contains("[the package's own .pyi stubs through mypy"), "\(summary)")
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "InstalledPackages",
                platforms: [.macOS(.v15)],
                dependencies: [.package(name: "swift-pybindgen", path: "\(Self.packageRoot.path)")],
                targets: [
                    .executableTarget(
                        name: "Demo", dependencies: [.product(name: "PythonRuntime", package: "swift-pybindgen")])
                ],
                swiftLanguageModes: [.v6]
            )
            """
        try manifest.write(
            to: Self.scratchPackage.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try Self.program.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        try Self.run("/usr/bin/env", ["swift", "build", "--package-path", Self.scratchPackage.path])
        let typed = try Self.run(
            Self.scratchPackage.appendingPathComponent(".build/debug/Demo").path, [], environment: venv)
        let python = try Self.run(environment.appendingPathComponent("bin/python").path, ["-c", Self.expected])
        #expect(typed == python)
    }
}
