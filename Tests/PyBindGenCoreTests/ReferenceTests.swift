import Foundation
import PyBindGenCore
import PythonRuntime
import Testing

/// Regenerating the committed modules gives exactly the committed bytes.
@Suite("Reference: Generated/ is what pybindgen writes")
struct ReferenceTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test func regeneratingTheCommittedModulesChangesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pybindgen-reference-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // The generator runs in a child process (the CLI), as users run it: mypy's analysis stays out of this process.
        // Same configuration and code path as `swift package --allow-writing-to-package-directory pybindgen`.
        let result = try CommandLineTests.run([
            "--config", Self.packageRoot.appendingPathComponent("pybindgen.json").path, "--output", output.path,
        ])
        try #require(result.status == 0, "pybindgen failed: \(result.error)")
        #expect(result.output.components(separatedBy: "typeshed stubs through mypy").count == 5, "\(result.output)")
        let modules = ["PyBuiltins", "PyOperator", "PyMath", "PyDatetime"]
        let summaries = modules.map { (swiftModule: $0, path: output.appendingPathComponent("\($0)/\($0).swift").path) }
        for summary in summaries {
            let generated = try String(contentsOfFile: summary.path, encoding: .utf8)
            let committedPath = Self.packageRoot.appendingPathComponent(
                "Generated/\(summary.swiftModule)/\(summary.swiftModule).swift")
            let committed = try String(contentsOf: committedPath, encoding: .utf8)
            if generated != committed {
                let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
                let committedLines = committed.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(generatedLines, committedLines).enumerated().first { $0.element.0 != $0.element.1 }
                let line = first?.offset ?? min(generatedLines.count, committedLines.count)
                Issue.record(
                    """
                    \(summary.swiftModule) differs from Generated/ at line \(line + 1):
                    - committed: \(line < committedLines.count ? committedLines[line] : "<end of file>")
                    + generated: \(line < generatedLines.count ? generatedLines[line] : "<end of file>")
                    Regenerate with: swift package --allow-writing-to-package-directory pybindgen
                    """)
            }
        }
        let typedShare = { (name: String) -> Double in
            let line = result.output.split(separator: "\n").first { $0.hasPrefix(name + " → ") } ?? ""
            return Double(TypingSourceTests.typedPercent(String(line))) / 100
        }
        #expect(typedShare("math") >= 0.9)
        #expect(typedShare("datetime") >= 0.85)
    }
}
