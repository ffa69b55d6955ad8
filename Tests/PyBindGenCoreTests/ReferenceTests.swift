import Foundation
import Testing

@testable import PyBindGenCore

/// The renderer against committed inputs: each module description (JSON, as `--dump-description` writes it)
/// renders to exactly the committed Swift — `Generated/` for the four shipped modules, `References/Expected` for
/// tricky shapes. No interpreter and no network: drift against the installed Python is the command plugin's
/// `--check` in `.ci/run`; `scripts/update-references` rewrites these inputs.
@Suite("Reference: committed descriptions render to the committed Swift")
struct ReferenceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let references = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "References")

    static func description(_ module: String) throws -> ModuleDescription {
        let url = references.appendingPathComponent("Descriptions/\(module).json")
        return try JSONDecoder().decode(ModuleDescription.self, from: Data(contentsOf: url))
    }

    /// Renders `module` with the regenerate command the expected file names, and compares it line by line.
    static func expectRendering(of module: String, toEqual expectedURL: URL) throws {
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let command = expected.split(separator: "\n").first { $0.hasPrefix("// Regenerate with: ") }
            .map { String($0.dropFirst("// Regenerate with: ".count)) }
        let options = GeneratorOptions(
            modules: [module], outputDirectory: "Generated", regenerateCommand: try #require(command))
        let (rendered, _) = ModuleRendering.render(try description(module), options: options)
        guard rendered != expected else { return }
        let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(renderedLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(renderedLines.count, expectedLines.count)
        Issue.record(
            """
            \(module) renders differently from \(expectedURL.lastPathComponent) at line \(line + 1):
            - committed: \(line < expectedLines.count ? expectedLines[line] : "<end of file>")
            + rendered:  \(line < renderedLines.count ? renderedLines[line] : "<end of file>")
            Regenerate with scripts/update-references (and the command plugin for Generated/).
            """)
    }

    @Test(arguments: [
        ("builtins", "PyBuiltins"), ("operator", "PyOperator"), ("math", "PyMath"), ("datetime", "PyDatetime"),
    ])
    func theCommittedModules(module: String, swiftModule: String) throws {
        try Self.expectRendering(
            of: module,
            toEqual: Self.packageRoot.appendingPathComponent("Generated/\(swiftModule)/\(swiftModule).swift"))
    }

    @Test(arguments: [
        ("re", "PyRe"), ("itertools", "PyItertools"), ("urllib.parse", "PyUrllibParse"), ("inventory", "PyInventory"),
    ])
    func trickyShapes(module: String, swiftModule: String) throws {
        try Self.expectRendering(
            of: module, toEqual: Self.references.appendingPathComponent("Expected/\(swiftModule).swift.expected"))
    }

    @Test func typedSharesOfTheCommittedModules() throws {
        let options = GeneratorOptions(modules: [], outputDirectory: "Generated", regenerateCommand: "")
        let math = ModuleRendering.render(try Self.description("math"), options: options).1
        let datetime = ModuleRendering.render(try Self.description("datetime"), options: options).1
        #expect(math.typedShare >= 0.9)
        #expect(datetime.typedShare >= 0.85)
        #expect(math.concreteTypeSlots <= math.statedTypeSlots && math.statedTypeSlots > 0)
    }

    /// Regenerating after Python gains a method changes only that method: member references are named from the
    /// Python path (`_py_date_weekday`), not numbered, so nothing else in the file moves.
    @Test func addingAMethodToAClassTouchesOnlyThatMethod() throws {
        let original = try Self.description("datetime")
        var changed = original
        let index = try #require(changed.classes.firstIndex { $0.name == "date" })
        var added = try #require(changed.classes[index].methods.first { $0.name == "weekday" })
        added.name = "quarter"
        added.doc = "Return the quarter of the year, 1 to 4."
        changed.classes[index].methods.append(added)
        let options = GeneratorOptions(modules: ["datetime"], outputDirectory: "Generated", regenerateCommand: "cmd")
        let before = ModuleRendering.render(original, options: options).0.split(separator: "\n").map(String.init)
        let after = ModuleRendering.render(changed, options: options).0.split(separator: "\n").map(String.init)
        let difference = after.difference(from: before)
        #expect(difference.removals.isEmpty, "lines removed: \(difference.removals)")
        let inserted = difference.insertions.compactMap { change -> String? in
            if case .insert(_, let line, _) = change { return line }
            return nil
        }
        // The reference and the method (its doc comment, attribute, signature, body and a blank line), nothing else.
        #expect(
            inserted.contains {
                $0.contains("static let _py_date_quarter = PythonRuntime.PythonMemberName(\"quarter\")")
            })
        #expect(
            inserted.contains { $0.contains("public func quarter() throws(PythonRuntime.PythonError) -> Swift.Int {") })
        // Its remote forms, in `Date.Remote` and in `Datetime.Remote` (which has every member of its ancestors).
        #expect(inserted.filter { $0.contains("public func quarter() async throws -> Swift.Int {") }.count == 2)
        let unrelated = inserted.filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return
                !(line.isEmpty || line == "}" || line == "@inlinable" || line == "///" || line.contains("quarter")
                || line.hasPrefix("/// - Throws:") || line.hasPrefix("/// Runs `datetime.date.quarter`")
                || line.hasPrefix("/// result does not convert")
                || line == "let arguments = PythonRuntime.PythonArguments()")
        }
        #expect(unrelated.isEmpty, "other lines changed: \(unrelated)")
        #expect(inserted.count <= 8 + 2 * 9, "\(inserted)")
    }
}
