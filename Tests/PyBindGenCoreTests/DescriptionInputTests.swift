import Foundation
import Testing

@testable import PyBindGenCore

/// Bad descriptions and awkward text: a description of another schema version is refused with a clear error, and
/// a docstring with Windows or old Mac line endings stays inside its `///` comment.
@Suite("Description inputs")
struct DescriptionInputTests {
    static let minimal = """
        {"schemaVersion": %d, "module": "m", "pythonVersion": "3.11.2", "typeSource": "test", "functions": [],
         "classes": [], "constants": [], "skipped": [], "drift": []}
        """

    @Test func theCurrentSchemaDecodes() throws {
        let json = String(format: Self.minimal, ModuleDescription.currentSchemaVersion)
        #expect(try ModuleDescription.decode(json: json, module: "m").module == "m")
    }

    @Test func anotherSchemaVersionIsRefusedNamingBoth() throws {
        do {
            _ = try ModuleDescription.decode(json: String(format: Self.minimal, 2), module: "m")
            Issue.record("a schema 2 description was accepted")
        } catch let error as GeneratorError {
            #expect(error.code == .introspectionFailed)
            #expect(error.message.contains("schema 2"), "\(error)")
            #expect(error.message.contains("reads schema \(ModuleDescription.currentSchemaVersion)"), "\(error)")
        }
    }

    @Test func notADescriptionIsAClearError() throws {
        for json in ["", "[]", "{\"schemaVersion\": 3}", "{not json"] {
            #expect(throws: GeneratorError.self, "\(json)") {
                _ = try ModuleDescription.decode(json: json, module: "m")
            }
        }
    }

    @Test func docstringsWithCarriageReturnsStayInTheirComment() {
        let function = FunctionDescription(
            name: "f", doc: "First line.\r\nSecond line.\rThird line.\n\r\nFifth.",
            overloads: [
                SignatureDescription(parameters: [], returns: .int)
            ], typeSource: "stub")
        let text = SnippetTests.render(functions: [function])
        #expect(!text.contains("\r"))
        #expect(
            SnippetTests.declaration("public static func f(", in: text) == """
                /// First line.
                /// Second line.
                /// Third line.
                ///
                /// Fifth.
                /// - Throws: `PythonError` if Python raises or a value does not convert.
                @inlinable
                public static func f() throws(PythonRuntime.PythonError) -> Swift.Int {
                    return try _py_f.call()
                }
                """)
    }
}
