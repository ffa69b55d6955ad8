import Foundation
import PythonRuntime
import Testing

/// Start-up honours `VIRTUAL_ENV`: checked in a child process, since this process's interpreter already runs.
@Suite("Virtual environments")
struct VirtualEnvironmentTests {
    /// The folder holding the built products (the test binary and `pybindgen`).
    static var productsDirectory: URL {
        URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
            .deletingLastPathComponent()
    }

    /// Runs a program and returns its exit status, standard output and standard error.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test func childProcessImportsFromTheVirtualEnvironment() throws {
        let versions = try Python.versions()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pybindgen-venv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try Self.run(versions.executable, ["-m", "venv", "--without-pip", root.path])
        try #require(created.status == 0, "venv creation failed: \(created.error)")
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let sitePackages = root.appendingPathComponent("lib/python\(minor)/site-packages")
        try "ANSWER = 42\n".write(
            to: sitePackages.appendingPathComponent("venv_only_module.py"), atomically: true, encoding: .utf8)

        let tool = Self.productsDirectory.appendingPathComponent("pybindgen").path
        let result = try Self.run(
            tool, ["versions", "--import", "venv_only_module"], environment: ["VIRTUAL_ENV": root.path])
        try #require(result.status == 0, "pybindgen versions failed: \(result.error)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.prefix == root.path)
        #expect(report.imported["venv_only_module"] == sitePackages.appendingPathComponent("venv_only_module.py").path)
        let venvIndex = report.path.firstIndex(of: sitePackages.path)
        let systemIndex = report.path.firstIndex { $0.hasSuffix("-packages") && !$0.hasPrefix(root.path) }
        #expect(venvIndex != nil)
        if let venvIndex, let systemIndex { #expect(venvIndex < systemIndex) }

        let without = try Self.run(
            tool, ["versions", "--import", "venv_only_module"], environment: ["VIRTUAL_ENV": ""])
        #expect(without.status != 0)
        #expect(without.error.contains("No module named 'venv_only_module'"))
    }

    @Test func mismatchedVirtualEnvironmentFailsClearly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pybindgen-badvenv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "home = /nowhere\nversion = 2.7.18\n".write(
            to: root.appendingPathComponent("pyvenv.cfg"), atomically: true, encoding: .utf8)
        let tool = Self.productsDirectory.appendingPathComponent("pybindgen").path
        let result = try Self.run(tool, ["versions"], environment: ["VIRTUAL_ENV": root.path])
        #expect(result.status != 0)
        #expect(result.error.contains("is for Python 2.7.18"))
    }

    @Test func explicitSearchPathsComeFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pybindgen-path-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "X = 1\n".write(to: folder.appendingPathComponent("json.py"), atomically: true, encoding: .utf8)
        let tool = Self.productsDirectory.appendingPathComponent("pybindgen").path
        let result = try Self.run(tool, ["versions", "--search-path", folder.path, "--import", "json"])
        try #require(result.status == 0, "pybindgen versions failed: \(result.error)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.path.first == folder.path)
        #expect(report.imported["json"] == folder.appendingPathComponent("json.py").path)
    }

    struct Report: Decodable {
        var prefix: String
        var path: [String]
        var imported: [String: String]
    }
}

/// A failed start-up is a `PythonError`, every time it is asked for, and never a trap or a second
/// initialisation: checked in a child process (`StartupProbe`), since this process's interpreter already runs.
@Suite("Start-up failures")
struct StartupFailureTests {
    @Test func aFailedStartIsTheSameErrorEveryTimeAndTheProgramEndsNormally() throws {
        let probe = VirtualEnvironmentTests.productsDirectory.appendingPathComponent("StartupProbe").path
        let result = try VirtualEnvironmentTests.run(probe, [], environment: ["VIRTUAL_ENV": ""])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.last == "ended normally", "\(result.output)\(result.error)")
        let attempts = lines.dropLast()
        #expect(attempts.count == 5, "\(result.output)")
        let errors = attempts.map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(Set(errors).count == 1, "the same error every time: \(attempts)")
        #expect(errors.first?.contains("/nonexistent-pybindgen-venv") == true, "\(attempts)")
    }
}
