import Foundation
import PythonRuntime
import Testing

/// What generated bindings recorded (`PythonBindingOrigin`) meets the machine they run on: the recorded package
/// environment is found without `VIRTUAL_ENV`, an explicit environment wins, a deleted environment and other package
/// versions are clear errors. Each case runs `EnvironmentProbe` in a process of its own (start-up is once per
/// process), against a real environment with six from PyPI.
@Suite("Binding origins: recorded environments and versions", .serialized)
struct BindingOriginTests {
    /// A cache folder holding one environment, `python3.X-origintests000000`, with six 1.17.0 installed by pip.
    static let cache: Result<URL, any Error> = Result {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pybindgen-origin-\(UUID().uuidString)")
        let root = cache.appendingPathComponent("environments/python\(minor)-origintests000000")
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        let made = try VirtualEnvironmentTests.run(versions.executable, ["-m", "venv", root.path])
        guard made.status == 0 else { throw ProbeFailure(description: "venv: \(made.error)") }
        let installed = try VirtualEnvironmentTests.run(
            root.appendingPathComponent("bin/python").path,
            ["-m", "pip", "install", "--disable-pip-version-check", "six==1.17.0"])
        guard installed.status == 0 else {
            throw ProbeFailure(description: "pip: \(installed.output)\(installed.error)")
        }
        return cache
    }

    static var environmentName: String { "python\(PythonEnvironments.pythonVersion)-origintests000000" }

    struct ProbeFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the probe; returns its lines by label (`check`, `import`, …) and its standard error.
    static func probe(_ arguments: [String], virtualEnvironment: String = "") throws -> (
        lines: [String: String], error: String
    ) {
        let cache = try Self.cache.get()
        let probe = VirtualEnvironmentTests.productsDirectory.appendingPathComponent("EnvironmentProbe").path
        let result = try VirtualEnvironmentTests.run(
            probe, arguments,
            environment: [
                "PYBINDGEN_CACHE_DIR": cache.path, "VIRTUAL_ENV": virtualEnvironment, "PYTHONNOUSERSITE": "1",
            ])
        guard result.status == 0, result.output.hasSuffix("ended normally\n") else {
            throw ProbeFailure(description: "the probe did not end normally:\n\(result.output)\(result.error)")
        }
        var lines: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 { lines[parts[0]] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return (lines, result.error)
    }

    @Test func theRecordedEnvironmentIsFoundWithoutVirtualEnvAndWorkersUseIt() throws {
        let root = try Self.cache.get().appendingPathComponent("environments/\(Self.environmentName)").path
        let result = try Self.probe(["six", Self.environmentName, "six=1.17.0", "--pool"])
        #expect(result.lines["check"] == "ok", "\(result)")
        #expect(
            result.lines["import"]?.hasPrefix("ok \(root)/lib/") == true, "six comes from the environment: \(result)")
        #expect(result.lines["activated"] == root)
        #expect(result.lines["pool"] == "ok 1.17.0", "a pool started afterwards runs in the environment: \(result)")
    }

    @Test func otherVersionsAreAnErrorNamingBothAndTheFixOrAWarningWhenAsked() throws {
        let result = try Self.probe(["six", Self.environmentName, "six=1.16.0"])
        let check = try #require(result.lines["check"])
        #expect(check.hasPrefix("error"), "\(result)")
        #expect(check.contains("six 1.17.0 is installed, but the bindings were generated from six 1.16.0"), "\(check)")
        #expect(check.contains("install six==1.16.0"), "\(check)")
        #expect(result.lines["check again"] == check, "the same outcome at every use")
        let warned = try Self.probe(["six", Self.environmentName, "six=1.16.0", "--warn"])
        #expect(warned.lines["check"] == "ok", "\(warned)")
        #expect(warned.error.contains("warning: the bindings of 'six' do not match this Python"), "\(warned.error)")
    }

    @Test func aDeletedEnvironmentIsAnErrorThatSaysHowToMakeItAgain() throws {
        let missing = "python\(PythonEnvironments.pythonVersion)-deleted0000000000"
        let result = try Self.probe(["six", missing, "six=1.17.0"])
        let check = try #require(result.lines["check"])
        #expect(check.hasPrefix("error"), "\(result)")
        #expect(check.contains("environments/\(missing)"), "\(check)")
        #expect(check.contains("does not exist"), "\(check)")
        #expect(check.contains("pybindgen environment --config"), "\(check)")
        #expect(check.contains("six==1.17.0"), "\(check)")
        #expect(result.lines["activated"] == "")
    }

    @Test func anExplicitVirtualEnvironmentWins() throws {
        let root = try Self.cache.get().appendingPathComponent("environments/\(Self.environmentName)").path
        // The recorded environment does not exist here, but VIRTUAL_ENV names one with the right version.
        let missing = "python\(PythonEnvironments.pythonVersion)-deleted0000000000"
        let result = try Self.probe(["six", missing, "six=1.17.0"], virtualEnvironment: root)
        #expect(result.lines["check"] == "ok", "\(result)")
        #expect(result.lines["activated"] == "", "nothing activated: VIRTUAL_ENV is in charge")
        #expect(result.lines["import"]?.hasPrefix("ok \(root)/lib/") == true, "\(result)")
    }
}
