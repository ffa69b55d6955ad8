import Foundation
import PythonRuntime
import Testing

/// Where pybindgen's types come from, module by module, and what happens when a source is missing: `--no-stubs`,
/// no network for the first provisioning, two processes provisioning at once, a module mypy cannot read.
@Suite("Typing sources: per-module fallbacks and safe provisioning", .serialized)
struct TypingSourceTests {
    static let userModules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("UserModuleTests/python").path

    /// The summary line of `module`.
    static func summary(of module: String, in output: String) -> String {
        output.split(separator: "\n").first { $0.hasPrefix("\(module) → ") }.map(String.init) ?? ""
    }

    /// The typed share a summary line reports, in percent.
    static func typedPercent(_ line: String) -> Int {
        guard let range = line.range(of: #"\((\d+)% typed\)"#, options: .regularExpression) else { return -1 }
        return Int(line[range].dropFirst().prefix { $0.isNumber }) ?? -1
    }

    @Test func noStubsTypesFromRuntimeAnnotations() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.run(
            ["inventory", "heapq", "--no-stubs", "--search-path", Self.userModules, "--output", folder.path],
            environment: [:])
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.error.contains("provisioning"), "--no-stubs provisions nothing")
        let inventory = Self.summary(of: "inventory", in: result.output)
        #expect(inventory.contains("[runtime annotations only: stubs disabled]"), "\(inventory)")
        #expect(Self.typedPercent(inventory) >= 90, "runtime annotations type the user's module: \(inventory)")
        #expect(Self.summary(of: "heapq", in: result.output).contains("[runtime annotations only: stubs disabled]"))
        let text = try String(contentsOfFile: folder.path + "/PyInventory/PyInventory.swift", encoding: .utf8)
        #expect(text.contains("public func names() throws(PythonRuntime.PythonError) -> [Swift.String] {"))
    }

    @Test func moduleMypyCannotReadFallsBackAloneToRuntimeAnnotations() throws {
        // A module shipped as bytecode only: Python imports it, mypy finds nothing to read.
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("compiled_only.py").path
        try
            "def scale(values: list[float], factor: float = 2.0) -> list[float]:\n    return [v * factor for v in values]\n"
            .write(toFile: source, atomically: true, encoding: .utf8)
        _ = try Python.run(
            "import py_compile\npy_compile.compile(\(String(reflecting: source)), cfile=\(String(reflecting: source + "c")), doraise=True)"
        )
        try FileManager.default.removeItem(atPath: source)
        let result = try CommandLineTests.run(
            [
                "compiled_only", "heapq", "--search-path", folder.path, "--output",
                folder.appendingPathComponent("out").path,
            ],
            environment: [:])
        #expect(result.status == 0, "\(result.error)")
        let compiled = Self.summary(of: "compiled_only", in: result.output)
        #expect(compiled.contains("runtime annotations only: mypy finds no stubs or typed package"), "\(compiled)")
        #expect(Self.typedPercent(compiled) == 100, "\(compiled)")
        #expect(
            Self.summary(of: "heapq", in: result.output).contains("[typeshed stubs through mypy"),
            "the other module keeps its stubs")
    }

    @Test func noNetworkOnFirstUseFallsBackWithAClearMessage() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.run(
            ["heapq", "--output", folder.appendingPathComponent("out").path],
            environment: [
                "PYBINDGEN_CACHE_DIR": folder.appendingPathComponent("cache").path,
                "PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_RETRIES": "0", "PIP_TIMEOUT": "2",
                "PIP_NO_CACHE_DIR": "1", "PIP_FIND_LINKS": "",
            ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("could not provision mypy"), "\(result.error)")
        #expect(
            Self.summary(of: "heapq", in: result.output).contains(
                "[runtime annotations only: mypy could not be provisioned"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/PyHeapq/PyHeapq.swift"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/cache")
        #expect(leftovers.allSatisfy { $0.hasSuffix(".lock") }, "no half-made environment is left: \(leftovers)")
    }

    @Test func twoProcessesProvisioningAtOnceBothSucceed() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both processes are started before either is waited for.
        let runs = try ["heapq", "bisect"].map { module in
            try CommandLineTests.start(
                [module, "--output", folder.appendingPathComponent(module).path],
                environment: ["PYBINDGEN_CACHE_DIR": folder.appendingPathComponent("cache").path],
                outputPrefix: folder.appendingPathComponent(module))
        }
        let results = try runs.map { try $0.finish() }
        for (result, module) in zip(results, ["heapq", "bisect"]) {
            #expect(result.status == 0, "\(result.error)")
            #expect(
                Self.summary(of: module, in: result.output).contains("[typeshed stubs through mypy"), "\(result.output)"
            )
        }
        let provisioned = results.filter { $0.error.contains("provisioning typeshed stubs") }
        #expect(provisioned.count == 1, "exactly one process installs; the other waits for it")
        #expect(results.contains { $0.error.contains("waiting for another pybindgen") })
        #expect(results.contains { $0.error.contains("  ") }, "pip's output is shown while it runs")
    }
}
