import Testing

@testable import PyBindGenCore

/// One test per rule of ``TypeRules``: the facts introspection states in, the Swift signatures out.
@Suite("Type rules: what Swift can express of what Python states")
struct TypeRulesTests {
    typealias S = SnippetTests

    /// The signatures (without bodies) of the module-level functions named `name`, in order.
    static func signatures(_ name: String, in text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("public static func \(name)(") }
            .map { $0.hasSuffix(" {") ? String($0.dropLast(2)) : $0 }
    }

    static func render(_ name: String, _ parameter: PythonType, returns: PythonType = .none) -> [String] {
        let text = S.render(functions: [S.function(name, [S.parameter("x", .positional, parameter)], returns: returns)])
        return signatures(Naming.lowerCamel(name), in: text)
    }

    static let throwsClause = "throws(PythonRuntime.PythonError)"

    @Test func intOrFloatIsFloatAndComplexCollapsesOnlyInResults() {
        #expect(
            Self.render("f", .union([.int, .float]), returns: .union([.int, .float, .complex])) == [
                "public static func f(_ x: Swift.Double) \(Self.throwsClause) -> ComplexModule.Complex<Swift.Double>"
            ])
        // A parameter takes each number type, so an int is sent as an int.
        #expect(
            Self.render("g", .union([.int, .float, .complex])) == [
                "public static func g(_ x: some PyStatistics.IntOrDoubleOrComplex) \(Self.throwsClause)"
            ])
    }

    @Test func aUnionWithAnOpenMemberIsOpen() {
        #expect(
            Self.render("f", .union([.int, .any]), returns: .union([.str, .any])) == [
                "public static func f(_ x: some PythonRuntime.ConvertibleToPython) \(Self.throwsClause) -> PythonRuntime.PythonObject"
            ])
    }

    @Test func aDynamicMemberMakesAResultDynamicButAParameterKeepsItsTypedMembers() {
        let unknown = PythonType.class(name: "Thing", module: "elsewhere")
        #expect(
            Self.render("f", .union([.str, unknown]), returns: .union([.str, unknown])) == [
                "public static func f(_ x: some PythonRuntime.StringOrPythonObject) \(Self.throwsClause) -> PythonRuntime.PythonObject"
            ])
    }

    @Test func aClosureTakesAtMostFourArguments() {
        let four = PythonType.callable(parameters: [.int, .int, .int, .int], result: .str)
        let five = PythonType.callable(parameters: [.int, .int, .int, .int, .int], result: .str)
        #expect(
            Self.render("f", four) == [
                "public static func f(_ x: @escaping ((Swift.Int, Swift.Int, Swift.Int, Swift.Int) throws -> Swift.String)) \(Self.throwsClause)"
            ])
        #expect(
            Self.render("g", five) == [
                "public static func g(_ x: some PythonRuntime.ConvertibleToPython) \(Self.throwsClause)"
            ])
    }

    @Test func aUnionInsideACallableIsReadAsAResult() {
        let callback = PythonType.callable(parameters: [.union([.int, .str])], result: .union([.int, .float]))
        #expect(
            Self.render("f", callback) == [
                "public static func f(_ x: @escaping ((PyStatistics.IntOrStringValue) throws -> Swift.Double)) \(Self.throwsClause)"
            ])
    }

    @Test func aPathIsText() {
        let path = PythonType.class(name: "PathLike", module: "os", arguments: [.str])
        let bytesPath = PythonType.class(name: "PathLike", module: "os", arguments: [.bytes])
        let anyPath = PythonType.class(name: "PathLike", module: "os", arguments: [.union([.str, .bytes])])
        #expect(Self.render("f", path) == ["public static func f(_ x: Swift.String) \(Self.throwsClause)"])
        #expect(Self.render("g", bytesPath) == ["public static func g(_ x: [Swift.UInt8]) \(Self.throwsClause)"])
        #expect(
            Self.render("h", anyPath) == [
                "public static func h(_ x: some PythonRuntime.ConvertibleToPython) \(Self.throwsClause)"
            ])
    }

    @Test func textIsASequenceOfText() {
        // `Sequence[str]` and `Iterable[Any]` parameters also take a string; `Sequence[int]` does not, and a
        // sequence result is a list.
        #expect(
            Self.render("f", .sequence(.str), returns: .sequence(.str)) == [
                "public static func f(_ x: some PyStatistics.StringOrListOfString) \(Self.throwsClause) -> [Swift.String]"
            ])
        #expect(
            Self.render("g", .sequence(.any)) == [
                "public static func g(_ x: some PyStatistics.StringOrListOfPythonObject) \(Self.throwsClause)"
            ])
        #expect(Self.render("h", .sequence(.int)) == ["public static func h(_ x: [Swift.Int]) \(Self.throwsClause)"])
    }

    @Test func iteratorsAreResultsOnly() {
        #expect(
            Self.render("f", .iterator(.int), returns: .iterator(.str)) == [
                "public static func f(_ x: some PythonRuntime.ConvertibleToPython) \(Self.throwsClause) -> PythonRuntime.TypedPythonIterator<Swift.String>"
            ])
    }

    @Test func aConstrainedTypeVariableIsOneOverloadPerValueUpToEight() {
        let number = PythonType.typeVariable("_N", values: [.int, .str])
        #expect(
            Self.render("f", .list(number), returns: number) == [
                "public static func f(_ x: [Swift.Int]) \(Self.throwsClause) -> Swift.Int",
                "public static func f(_ x: [Swift.String]) \(Self.throwsClause) -> Swift.String",
            ])
        // Three variables of three values are 27 choices: each variable stands for the union of its values.
        let wide = (1...3).map { PythonType.typeVariable("_V\($0)", values: [.int, .str, .bytes]) }
        let text = S.render(functions: [
            S.function(
                "g", wide.enumerated().map { S.parameter("x\($0.offset)", .positional, $0.element) }, returns: wide[0])
        ])
        let signatures = Self.signatures("g", in: text)
        #expect(
            signatures == [
                "public static func g(_ x0: some PythonRuntime.IntOrStringOrBytes, _ x1: some PythonRuntime.IntOrStringOrBytes, _ x2: some PythonRuntime.IntOrStringOrBytes) \(Self.throwsClause) -> PyStatistics.IntOrStringOrBytesValue"
            ])
    }

    @Test func aClassNoModuleOfTheTargetWrapsIsDynamicAndOneThatDoesIsTyped() {
        let date = PythonType.class(name: "date", module: "datetime")
        #expect(
            Self.render("f", date, returns: date) == [
                "public static func f(_ x: some PythonRuntime.ConvertibleToPython) \(Self.throwsClause) -> PythonRuntime.PythonObject"
            ])
        var target = RunClasses()
        target.wrappers["datetime.date"] = RunClasses.Wrapper(namespace: "PyDatetime", name: "Date")
        let description = ModuleDescription(
            schemaVersion: 3, module: "statistics", pythonVersion: "3.11.2", typeSource: "test", doc: nil,
            functions: [S.function("f", [S.parameter("x", .positional, date)], returns: date)], classes: [],
            constants: [], skipped: [], drift: [])
        let text = ModuleRendering.render(
            description,
            options: GeneratorOptions(modules: ["statistics"], outputDirectory: "/tmp", regenerateCommand: "cmd"),
            otherModules: target
        ).0
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: PyDatetime.Date) \(Self.throwsClause) -> PyDatetime.Date"
            ])
    }

    /// A class a module generates only because its API refers to it is left to the module of the target that
    /// exports it, and references to it name that module's class.
    @Test func aReferencedClassIsSharedWithTheModuleThatExportsIt() {
        func hidden(referenced: Bool) -> ClassDescription {
            ClassDescription(
                name: "Hidden", doc: nil, bases: [], constructor: nil, methods: [], classMethods: [], properties: [],
                operators: [], protocols: [], iteration: nil, fullNames: ["pkg.core.Hidden"],
                referenced: referenced ? true : nil)
        }
        func module(_ name: String, referenced: Bool) -> ModuleDescription {
            ModuleDescription(
                schemaVersion: 3, module: name, pythonVersion: "3.11.2", typeSource: "test", doc: nil,
                functions: [
                    S.function("make", [], returns: .class(name: "Hidden", module: nil))
                ], classes: [hidden(referenced: referenced)], constants: [], skipped: [], drift: [])
        }
        let core = module("pkg.core", referenced: false)
        let api = module("pkg.api", referenced: true)
        let target = ModuleRendering.runClasses(of: [api, core])
        #expect(target.wrappers["pkg.core.Hidden"] == RunClasses.Wrapper(namespace: "PyPkgCore", name: "Hidden"))
        let options = GeneratorOptions(modules: ["pkg.api"], outputDirectory: "/tmp", regenerateCommand: "cmd")
        let shared = ModuleRendering.render(api, options: options, otherModules: target).0
        #expect(
            Self.signatures("make", in: shared) == [
                "public static func make() \(Self.throwsClause) -> PyPkgCore.Hidden"
            ])
        #expect(!shared.contains("class Hidden"))
        // Alone (or in a target without the exporting module), the module keeps its own copy.
        let alone = ModuleRendering.render(api, options: options).0
        #expect(
            Self.signatures("make", in: alone) == ["public static func make() \(Self.throwsClause) -> PyPkgApi.Hidden"])
        #expect(alone.contains("public final class Hidden: PythonRuntime.PythonInstance"))
    }
}
