import Testing

@testable import PyBindGenCore

/// Every generated module compiles whatever its names: names of different kinds that camel-case alike get the
/// documented suffix, and names Swift cannot spell are skipped with a reason.
@Suite("Names of different kinds in one namespace")
struct NameCollisionTests {
    typealias S = SnippetTests

    @Test func aFunctionOrConstantNamedLikeAClassGetsTheSuffix() {
        let text = S.render(
            functions: [S.function("Thing", [], returns: .int)],
            classes: [ArgumentUnionTests.wrapperClass("thing"), ArgumentUnionTests.wrapperClass("Other")],
            constants: [ConstantDescription(name: "Other", type: .int, doc: nil)])
        #expect(text.contains("public final class Thing: PythonRuntime.PythonInstance"))
        #expect(text.contains("public static func Thing_() throws(PythonRuntime.PythonError) -> Swift.Int {"))
        #expect(text.contains("public final class Other: PythonRuntime.PythonInstance"))
        #expect(text.contains("public static var Other_: Swift.Int {"))
    }

    @Test func aClassWhoseNameIsNoSwiftIdentifierIsSkippedWithAReason() {
        let description = ModuleDescription(
            schemaVersion: ModuleDescription.currentSchemaVersion, module: "statistics", pythonVersion: "3.11.2",
            typeSource: "test", doc: nil, functions: [],
            classes: [ArgumentUnionTests.wrapperClass("not-a-name"), ArgumentUnionTests.wrapperClass("Fine")],
            constants: [], skipped: [], drift: [])
        let (text, summary) = ModuleRendering.render(
            description,
            options: GeneratorOptions(modules: ["statistics"], outputDirectory: "/tmp", regenerateCommand: "cmd"))
        #expect(!text.contains("not-a-name"))
        #expect(text.contains("public final class Fine: PythonRuntime.PythonInstance"))
        #expect(summary.skipped.contains { $0.name == "not-a-name" && $0.reason == "not a Swift identifier" })
    }
}

/// Members the translator leaves out are listed in the summary, each with its reason.
@Suite("Left-out members are listed")
struct LeftOutMemberTests {
    typealias S = SnippetTests

    static func method(_ name: String, _ parameters: [ParameterDescription] = [], returns: PythonType)
        -> FunctionDescription
    {
        FunctionDescription(
            name: name, doc: nil, overloads: [SignatureDescription(parameters: parameters, returns: returns)],
            typeSource: "stub")
    }

    @Test func methodsPropertiesAndOperatorsThatCannotBeDeclaredAreSkippedWithAReason() {
        var base = ArgumentUnionTests.wrapperClass("Base")
        base.properties = [PropertyDescription(name: "size", type: .int, doc: nil)]
        base.operators = [
            Self.method(
                "__add__", [S.parameter("other", .positional, .class(name: "Base", module: nil))],
                returns: .class(name: "Base", module: nil))
        ]
        var child = ArgumentUnionTests.wrapperClass("Child", bases: ["Base"])
        child.methods = [Self.method("size", returns: .int), Self.method("value", returns: .int)]
        child.properties = [PropertyDescription(name: "value", type: .str, doc: nil)]
        child.operators = base.operators
        let description = ModuleDescription(
            schemaVersion: ModuleDescription.currentSchemaVersion, module: "statistics", pythonVersion: "3.11.2",
            typeSource: "test", doc: nil, functions: [], classes: [base, child], constants: [], skipped: [], drift: [])
        let (_, summary) = ModuleRendering.render(
            description,
            options: GeneratorOptions(modules: ["statistics"], outputDirectory: "/tmp", regenerateCommand: "cmd"))
        let reasons = Dictionary(summary.skipped.map { ($0.name, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["Child.size"] == "named like an inherited property (size)")
        #expect(reasons["Child.value"] == "named like a method (value)")
        #expect(reasons["Child.__add__"] == "conflicts with the inherited + of another type")
    }
}

/// Overrides line up with the inherited member they override, also among siblings that differ only in wrapper
/// classes.
@Suite("Overrides among sibling overloads")
struct SiblingOverrideTests {
    typealias S = SnippetTests

    @Test func eachSiblingOverloadCanBeOverridden() {
        let a = PythonType.class(name: "A", module: nil)
        let b = PythonType.class(name: "B", module: nil)
        let f = FunctionDescription(
            name: "f", doc: nil,
            overloads: [
                SignatureDescription(parameters: [S.parameter("x", .positional, a)], returns: .int),
                SignatureDescription(parameters: [S.parameter("x", .positional, b)], returns: .str),
            ], typeSource: "stub")
        var base = ArgumentUnionTests.wrapperClass("Base")
        base.methods = [f]
        var child = ArgumentUnionTests.wrapperClass("Child", bases: ["Base"])
        child.methods = [
            FunctionDescription(
                name: "f", doc: nil,
                overloads: [SignatureDescription(parameters: [S.parameter("x", .positional, a)], returns: .int)],
                typeSource: "stub")
        ]
        let description = ModuleDescription(
            schemaVersion: ModuleDescription.currentSchemaVersion, module: "statistics", pythonVersion: "3.11.2",
            typeSource: "test", doc: nil, functions: [],
            classes: [ArgumentUnionTests.wrapperClass("A"), ArgumentUnionTests.wrapperClass("B"), base, child],
            constants: [], skipped: [], drift: [])
        let (text, summary) = ModuleRendering.render(
            description,
            options: GeneratorOptions(modules: ["statistics"], outputDirectory: "/tmp", regenerateCommand: "cmd"))
        #expect(!summary.skipped.contains { $0.name == "Child.f" }, "\(summary.skipped)")
        #expect(
            text.contains(
                "override public func f(_ x: PyStatistics.A) throws(PythonRuntime.PythonError) -> Swift.Int {"))
    }
}
