import Foundation
import Testing

@testable import PyBindGenCore

/// Generic classes: a Python class's own type variables are the Swift class's generic parameters.
@Suite("Generic classes (snippets)")
struct GenericClassTests {
    typealias Snippets = SnippetTests

    static let parameterT = PythonType.classParameter("_T")

    /// `class Box(Generic[_T])`: made from an iterable of its items, read back typed by `T`, with a method whose
    /// own type variable is also called `_T`.
    static let box = ClassDescription(
        name: "Box", doc: nil, bases: [],
        constructor: [
            SignatureDescription(
                parameters: [Snippets.parameter("items", .positionalOrKeyword, .sequence(parameterT))],
                returns: .class(name: "Box", module: nil))
        ],
        methods: [
            Snippets.function("first", [], returns: parameterT),
            Snippets.function(
                "pair", [Snippets.parameter("other", .positionalOrKeyword, .typeVariable("_T"))],
                returns: .tuple([parameterT, .typeVariable("_T")])),
            Snippets.function("copy", [], returns: .class(name: "Box", module: nil)),
        ],
        classMethods: [],
        properties: [PropertyDescription(name: "items", type: .list(parameterT), doc: nil)],
        operators: [], protocols: [], iteration: parameterT, typeParameters: ["_T"])

    static func render(_ classes: [ClassDescription], functions: [FunctionDescription] = []) -> String {
        Snippets.render(module: "boxes", functions: functions, classes: classes)
    }

    @Test func aGenericClassIsAGenericSwiftClassWhoseMembersUseItsParameter() throws {
        let text = Self.render([Self.box])
        #expect(
            text.contains(
                "public final class Box<T: PythonRuntime.ConvertibleToPython & PythonRuntime.ConvertibleFromPython>: PythonRuntime.PythonInstance, @unchecked Sendable {"
            ))
        #expect(
            Snippets.declaration("public init(items:", in: text) == """
                /// Calls `boxes.Box.__init__`.
                /// - Throws: `PythonError` if Python raises or a value does not convert.
                public init(items: some PythonRuntime.IterableArgument<T>) throws(PythonRuntime.PythonError) {
                    let object: PythonRuntime.PythonObject = try PyBoxes._BoxMembers._Box_class.call(items)
                    super.init(unchecked: object)
                }
                """)
        #expect(text.contains("public func first() throws(PythonRuntime.PythonError) -> T {"))
        #expect(text.contains("public var items: [T] {"))
        #expect(text.contains("public func elements() throws(PythonRuntime.PythonError) -> [T] {"))
        // `Self` (the class without arguments) inside its own declaration is the same instantiation.
        #expect(text.contains("public func copy() throws(PythonRuntime.PythonError) -> PyBoxes.Box<T> {"))
    }

    @Test func aMethodsOwnTypeVariableDoesNotShadowTheClassParameter() {
        let text = Self.render([Self.box])
        #expect(
            text.contains(
                "public func pair<OtherT: PythonRuntime.ConvertibleToPython & PythonRuntime.ConvertibleFromPython>(other: OtherT) throws(PythonRuntime.PythonError) -> (T, OtherT) {"
            ))
    }

    @Test func referencesOutsideTheClassStateOrOpenItsArguments() {
        let text = Self.render(
            [Self.box],
            functions: [
                Snippets.function("any_box", [], returns: .class(name: "Box", module: nil)),
                Snippets.function("int_box", [], returns: .class(name: "Box", module: nil, arguments: [.int])),
                Snippets.function(
                    "pair_box", [], returns: .class(name: "Box", module: nil, arguments: [.tuple([.int, .int])])),
            ])
        #expect(
            text.contains(
                "public static func anyBox() throws(PythonRuntime.PythonError) -> PyBoxes.Box<PythonRuntime.PythonObject> {"
            ))
        #expect(
            text.contains("public static func intBox() throws(PythonRuntime.PythonError) -> PyBoxes.Box<Swift.Int> {"))
        // A tuple converts item by item only: it cannot be a type argument.
        #expect(
            text.contains(
                "public static func pairBox() throws(PythonRuntime.PythonError) -> PyBoxes.Box<PythonRuntime.PythonObject> {"
            ))
    }

    @Test func itsLookedUpObjectsLiveInAnEnumBesideIt() {
        let text = Self.render([Self.box])
        #expect(
            text.contains(
                "override public class var pythonClass: PythonRuntime.PythonCallableReference? { PyBoxes._BoxMembers._Box_class }"
            ))
        #expect(
            Snippets.declaration("@usableFromInline enum _BoxMembers {", in: text) == """
                /// The Python objects the members of `PyBoxes.Box` use.
                @usableFromInline enum _BoxMembers {
                    @usableFromInline static let _Box_class = PythonRuntime.PythonCallableReference(module: "boxes", "Box")
                    @usableFromInline static let _py_Box_first = PythonRuntime.PythonMemberName("first")
                    @usableFromInline static let _py_Box_pair = PythonRuntime.PythonMemberName("pair")
                    @usableFromInline static let _py_Box_copy = PythonRuntime.PythonMemberName("copy")
                    @usableFromInline static let _py_Box_items = PythonRuntime.PythonMemberName("items")
                }
                """)
        #expect(!text.contains("extension PyBoxes.Box {\n    @usableFromInline static let"))
    }

    @Test func theRemoteFormIsGenericToo() {
        let text = Self.render([Self.box])
        #expect(
            text.contains(
                "public func Box<T: PythonRuntime.ConvertibleToPython & PythonRuntime.ConvertibleFromPython>(items: some PythonRuntime.IterableArgument<T>) async throws -> PyBoxes.Box<T>.Remote {"
            ))
        #expect(
            text.contains(
                "return PyBoxes.Box<T>.Remote(try await executor.makeObject(PyBoxes._BoxMembers._Box_class, with: arguments))"
            ))
        #expect(text.contains("public func first() async throws -> T {"))
        #expect(text.contains("public func copy() async throws -> PyBoxes.Box<T>.Remote {"))
    }

    @Test func aClassWithASubclassInTheModuleKeepsItsVariablesOpen() {
        var base = Self.box
        base.name = "Base"
        base.constructor = nil
        let derived = ClassDescription(
            name: "Derived", doc: nil, bases: ["Base"], constructor: nil, methods: [], classMethods: [],
            properties: [], operators: [], protocols: [])
        let text = Self.render([base, derived])
        #expect(text.contains("public class Base: PythonRuntime.PythonInstance, @unchecked Sendable {"))
        #expect(text.contains("public func first() throws(PythonRuntime.PythonError) -> PythonRuntime.PythonObject {"))
        #expect(text.contains("public var items: [PythonRuntime.PythonObject] {"))
        #expect(!text.contains("class Base<") && !text.contains("OtherT"))
    }

    @Test func initializersThatCannotFixTheParametersAreThereAgainWithPythonObject() {
        var box = Self.box
        box.constructor = [
            SignatureDescription(parameters: [], returns: .class(name: "Box", module: nil)),
            SignatureDescription(
                parameters: [Snippets.parameter("items", .positionalOrKeyword, .sequence(Self.parameterT))],
                returns: .class(name: "Box", module: nil)),
            // Same labels as the one that fixes `T`: a call could match both, so it is not repeated.
            SignatureDescription(
                parameters: [Snippets.parameter("items", .positionalOrKeyword, .object(reason: "any", isOpen: true))],
                returns: .class(name: "Box", module: nil)),
        ]
        let text = Self.render([box])
        #expect(
            Snippets.declaration("extension PyBoxes.Box where T == PythonRuntime.PythonObject {", in: text) == """
                extension PyBoxes.Box where T == PythonRuntime.PythonObject {
                    /// Calls `boxes.Box.__init__`.
                    /// - Throws: `PythonError` if Python raises or a value does not convert.
                    public convenience init() throws(PythonRuntime.PythonError) {
                        let object: PythonRuntime.PythonObject = try PyBoxes._BoxMembers._Box_class.call()
                        self.init(unchecked: object)
                    }
                }
                """)
        // On a pool too: `on(pool).Box()` is a `Box<PythonObject>.Remote`.
        #expect(text.contains("public func Box() async throws -> PyBoxes.Box<PythonRuntime.PythonObject>.Remote {"))
        #expect(
            text.contains(
                "public func Box<T: PythonRuntime.ConvertibleToPython & PythonRuntime.ConvertibleFromPython>() async throws -> PyBoxes.Box<T>.Remote {"
            ))
    }

    @Test func anInitializerForStatedArgumentsIsDeclaredWhereTheParametersAreThose() {
        var box = Self.box
        box.constructor = [
            SignatureDescription(
                parameters: [Snippets.parameter("items", .positionalOrKeyword, .sequence(Self.parameterT))],
                returns: .class(name: "Box", module: nil)),
            // `def __init__(self: Box[str], *, text: str)`.
            SignatureDescription(
                parameters: [Snippets.parameter("text", .keyword, .str)],
                returns: .class(name: "Box", module: nil, arguments: [.str])),
            // `def __new__(cls, *items: _T1) -> Box[tuple[_T1]]`: a tuple is no type argument.
            SignatureDescription(
                parameters: [Snippets.parameter("pairs", .keyword, .list(.tuple([.int, .int])))],
                returns: .class(name: "Box", module: nil, arguments: [.tuple([.int, .int])])),
        ]
        let text = Self.render([box])
        #expect(
            Snippets.declaration("extension PyBoxes.Box where T == Swift.String {", in: text) == """
                extension PyBoxes.Box where T == Swift.String {
                    /// Calls `boxes.Box.__init__`.
                    /// - Throws: `PythonError` if Python raises or a value does not convert.
                    public convenience init(text: Swift.String) throws(PythonRuntime.PythonError) {
                        var arguments = PythonRuntime.PythonArguments()
                        try arguments.append(keyword: "text", text)
                        let object: PythonRuntime.PythonObject = try PyBoxes._BoxMembers._Box_class.call(arguments)
                        self.init(unchecked: object)
                    }
                }
                """)
        #expect(text.contains("extension PyBoxes.Box where T == PythonRuntime.PythonObject {"))
        #expect(!text.contains("        public init(text:"), "not in the class itself")
        #expect(text.contains("public func Box(text: Swift.String) async throws -> PyBoxes.Box<Swift.String>.Remote {"))
    }

    @Test func aUnionMemberMentioningTheParameterTakesPythonObjectForIt() {
        var box = Self.box
        box.methods = [
            Snippets.function(
                "update",
                [
                    Snippets.parameter(
                        "m", .positional, .union([.dict(key: .str, value: Self.parameterT), .list(.int)]))
                ],
                returns: .none)
        ]
        let text = Self.render([box])
        // The union is declared in the namespace, where `T` is not in scope (weakref's `WeakValueDictionary`).
        #expect(text.contains("public func update(_ m: some PyBoxes.DictOfStringToPythonObjectOrListOfInt)"))
        #expect(
            text.contains(
                "extension Swift.Dictionary: PyBoxes.DictOfStringToPythonObjectOrListOfInt where Key == Swift.String, Value == PythonRuntime.PythonObject {}"
            ))
        #expect(!text.contains("Value == T"))
    }

    @Test func classParametersRoundTripThroughTheDescription() throws {
        let description = ModuleDescription(
            schemaVersion: ModuleDescription.currentSchemaVersion, module: "boxes", pythonVersion: "3.11.2",
            typeSource: "test", doc: nil, functions: [], classes: [Self.box], constants: [], skipped: [], drift: [])
        let json = String(decoding: try JSONEncoder().encode(description), as: UTF8.self)
        #expect(json.contains(#""kind":"classParameter","name":"_T""#))
        #expect(try ModuleDescription.decode(json: json, module: "boxes") == description)
    }

    @Test func variancesSuffixesAreDroppedFromGenericNames() {
        #expect(TypeTranslator.genericName("_T_co") == "T")
        #expect(TypeTranslator.genericName("_KT_contra") == "KT")
        #expect(TypeTranslator.genericName("_co") == "Co")
    }
}
