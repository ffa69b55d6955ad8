import Foundation
import Testing

@testable import PyBindGenCore

/// A Python union in a parameter is one Swift parameter constrained to exactly its members (``ArgumentUnion``),
/// and Python's `@overload`s that differ only in one parameter's type are one declaration.
@Suite("Union parameters: one declaration taking exactly the members")
struct ArgumentUnionTests {
    typealias S = SnippetTests
    static let throwsClause = "throws(PythonRuntime.PythonError)"

    static func signatures(_ name: String, in text: String) -> [String] {
        TypeRulesTests.signatures(name, in: text)
    }

    static func wrapperClass(_ name: String, bases: [String] = []) -> ClassDescription {
        ClassDescription(
            name: name, doc: nil, bases: bases, constructor: nil, methods: [], classMethods: [], properties: [],
            operators: [], protocols: [], iteration: nil, fullNames: nil, referenced: nil)
    }

    @Test func aModuleSpecificUnionIsDeclaredWithExactlyItsMembersConformances() {
        let union = PythonType.union([.list(.int), .str, .dict(key: .str, value: .optional(.str))])
        let text = S.render(functions: [S.function("f", [S.parameter("x", .positional, union)], returns: .none)])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: some PyStatistics.StringOrDictOfStringToOptionalStringOrListOfInt) \(Self.throwsClause)"
            ])
        #expect(
            S.declaration("public protocol StringOrDictOfStringToOptionalStringOrListOfInt", in: text) == """
                /// A value for a `statistics` parameter that takes any of: `Swift.String`, `[Swift.String: Swift.String?]`, `[Swift.Int]`.
                ///
                /// Exactly those types conform, so a call with any other type does not compile.
                public protocol StringOrDictOfStringToOptionalStringOrListOfInt: PythonRuntime.ConvertibleToPython {}
                """)
        let name = "PyStatistics.StringOrDictOfStringToOptionalStringOrListOfInt"
        let conformances = text.split(separator: "\n").filter { $0.hasPrefix("extension ") && $0.contains(name) }
        #expect(
            conformances == [
                "extension Swift.String: \(name) {}",
                "extension Swift.Dictionary: \(name) where Key == Swift.String, Value == Swift.String? {}",
                "extension Swift.Array: \(name) where Element == Swift.Int {}",
            ])
    }

    @Test func theSameMembersInAnyOrderAreOneProtocol() {
        let text = S.render(functions: [
            S.function("f", [S.parameter("x", .positional, .union([.bytes, .str]))], returns: .none),
            S.function("g", [S.parameter("x", .positional, .union([.str, .bytes]))], returns: .none),
        ])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: some PythonRuntime.StringOrBytes) \(Self.throwsClause)"
            ])
        #expect(
            Self.signatures("g", in: text) == [
                "public static func g(_ x: some PythonRuntime.StringOrBytes) \(Self.throwsClause)"
            ])
    }

    @Test func anOptionalUnionIsAnOptionalExistentialOmittedUnlessGiven() {
        let text = S.render(functions: [
            S.function(
                "f", [S.parameter("x", .keyword, .optional(.union([.str, .bytes])), default: "None")], returns: .none)
        ])
        #expect(
            S.declaration("public static func f(", in: text) == """
                /// Doc of f.
                ///
                /// - Parameter x: Python's default is `None`; omitted unless given.
                /// - Throws: `PythonError` if Python raises or a value does not convert.
                @inlinable
                public static func f(x: (any PythonRuntime.StringOrBytes)? = nil) throws(PythonRuntime.PythonError) {
                    var arguments = PythonRuntime.PythonArguments()
                    if let x { try arguments.append(keyword: "x", x) }
                    let _: PythonRuntime.PythonNoneResult = try _py_f.call(arguments)
                }
                """)
    }

    @Test func membersThatCannotConformBesideTheOthersTravelAsPythonObjects() {
        // `[UInt8]` and `[String]` are both `Array`, which conforms to a protocol at most once: the first without
        // `PythonObject` inside conforms, the other is passed as a `PythonObject`. A closure conforms to nothing:
        // a required parameter keeps a declaration taking a Swift closure, an optional one takes it as a
        // `PythonObject` (one declaration).
        let callback = PythonType.callable(parameters: [.int], result: .none)
        let text = S.render(functions: [
            S.function(
                "f", [S.parameter("x", .positional, .union([.list(.any), .bytes, .list(.str), .int]))], returns: .none),
            S.function("g", [S.parameter("x", .positional, .union([.str, callback]))], returns: .none),
            S.function(
                "h", [S.parameter("x", .keyword, .optional(.union([.str, callback])), default: "None")],
                returns: .none),
        ])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: some PythonRuntime.IntOrBytesOrPythonObject) \(Self.throwsClause)"
            ])
        #expect(
            Self.signatures("g", in: text) == [
                "public static func g(_ x: Swift.String) \(Self.throwsClause)",
                "public static func g(_ x: @escaping ((Swift.Int) throws -> Swift.Void)) \(Self.throwsClause)",
            ])
        #expect(
            Self.signatures("h", in: text) == [
                "public static func h(x: (any PythonRuntime.StringOrPythonObject)? = nil) \(Self.throwsClause)"
            ])
    }

    @Test func wrapperClassesJoinTheirUnionsAndASubclassConformsThroughItsBase() {
        let text = S.render(
            functions: [
                S.function(
                    "f",
                    [
                        S.parameter(
                            "x", .positional,
                            .union([.class(name: "Child", module: nil), .str, .class(name: "Base", module: nil)]))
                    ], returns: .none)
            ],
            classes: [Self.wrapperClass("Base"), Self.wrapperClass("Child", bases: ["Base"])])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: some PyStatistics.StringOrBase) \(Self.throwsClause)"
            ])
        let conformances = text.split(separator: "\n").filter { $0.hasPrefix("extension ") && $0.hasSuffix(" {}") }
        #expect(
            conformances == [
                "extension Swift.String: PyStatistics.StringOrBase {}",
                "extension PyStatistics.Base: PyStatistics.StringOrBase {}",
            ])
    }

    @Test func aUnionNamedLikeAClassOfTheModuleTakesASuffix() {
        let text = S.render(
            functions: [
                S.function(
                    "f", [S.parameter("x", .positional, .union([.str, .class(name: "Thing", module: nil)]))],
                    returns: .none)
            ],
            classes: [Self.wrapperClass("Thing"), Self.wrapperClass("StringOrThing")])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: some PyStatistics.StringOrThingArgument) \(Self.throwsClause)"
            ])
        #expect(text.contains("public protocol StringOrThingArgument: PythonRuntime.ConvertibleToPython {}"))
    }

    @Test func overloadsThatDifferOnlyInOneParameterTypeAreOneDeclaration() {
        func overload(_ x: PythonType, _ y: PythonType = .int, returns: PythonType) -> SignatureDescription {
            SignatureDescription(
                parameters: [S.parameter("x", .positional, x), S.parameter("y", .positional, y)], returns: returns)
        }
        let sameResult = FunctionDescription(
            name: "f", doc: nil,
            overloads: [overload(.int, returns: .str), overload(.bytes, returns: .str), overload(.str, returns: .str)],
            typeSource: "stub")
        // Different results stay apart (each call keeps its precise result), and so do overloads that differ in
        // two parameters (one union per parameter would accept `g(1, "a")`, which the stubs refuse).
        let differentResults = FunctionDescription(
            name: "g", doc: nil, overloads: [overload(.int, returns: .int), overload(.str, returns: .str)],
            typeSource: "stub")
        let twoParameters = FunctionDescription(
            name: "h", doc: nil,
            overloads: [overload(.int, .int, returns: .none), overload(.str, .str, returns: .none)],
            typeSource: "stub")
        let text = S.render(functions: [sameResult, differentResults, twoParameters])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(_ x: some PythonRuntime.IntOrStringOrBytes, _ y: Swift.Int) \(Self.throwsClause) -> Swift.String"
            ])
        #expect(
            Self.signatures("g", in: text) == [
                "public static func g(_ x: Swift.Int, _ y: Swift.Int) \(Self.throwsClause) -> Swift.Int",
                "public static func g(_ x: Swift.String, _ y: Swift.Int) \(Self.throwsClause) -> Swift.String",
            ])
        #expect(
            Self.signatures("h", in: text) == [
                "public static func h(_ x: Swift.Int, _ y: Swift.Int) \(Self.throwsClause)",
                "public static func h(_ x: Swift.String, _ y: Swift.String) \(Self.throwsClause)",
            ])
    }

    @Test func anOverloadAnotherAlreadyCoversAddsNoDeclaration() {
        // typeshed's bisect: `(a, x, lo: int = 0, hi: int | None = None)` takes every call `(a, x, lo: int, hi:
        // int)` takes, with the same result; an overload with another result stays.
        let general = SignatureDescription(
            parameters: [
                S.parameter("x", .positionalOrKeyword, .int),
                S.parameter("lo", .positionalOrKeyword, .int, default: "0"),
                S.parameter("hi", .positionalOrKeyword, .optional(.int), default: "None"),
            ], returns: .int)
        let specific = SignatureDescription(
            parameters: [
                S.parameter("x", .positionalOrKeyword, .int), S.parameter("lo", .positionalOrKeyword, .int),
                S.parameter("hi", .keyword, .int),
            ], returns: .int)
        let otherResult = SignatureDescription(
            parameters: [
                S.parameter("x", .positionalOrKeyword, .int), S.parameter("lo", .positionalOrKeyword, .int),
                S.parameter("hi", .keyword, .int),
            ], returns: .str)
        let text = S.render(functions: [
            FunctionDescription(name: "f", doc: nil, overloads: [specific, general], typeSource: "stub"),
            FunctionDescription(name: "g", doc: nil, overloads: [general, otherResult], typeSource: "stub"),
        ])
        #expect(
            Self.signatures("f", in: text) == [
                "public static func f(x: Swift.Int, lo: Swift.Int? = nil, hi: Swift.Int? = nil) \(Self.throwsClause) -> Swift.Int"
            ])
        #expect(Self.signatures("g", in: text).count == 2)
    }

    @Test func everySharedUnionIsDeclaredByTheRuntime() throws {
        let file = ReferenceTests.packageRoot.appendingPathComponent(
            "Sources/PythonRuntime/Bindings/ArgumentUnions.swift")
        let text = try String(contentsOf: file, encoding: .utf8)
        let shared = ArgumentUnion.sharedMembers
        for mask in 1..<(1 << shared.count) where mask.nonzeroBitCount >= 2 {
            let members = shared.indices.filter { mask & (1 << $0) != 0 }.map { shared[$0] }
            let union = try #require(ArgumentUnion(members: members.reversed(), namespace: "PyM", taken: []))
            #expect(union.namespace == "PythonRuntime")
            #expect(text.contains("public protocol \(union.name): ConvertibleToPython {}"), "\(union.name)")
        }
    }

    @Test func longNamesEndInAStableHash() throws {
        let members: [SwiftType] = (0..<8).map {
            .wrapper(namespace: "PyM", name: "VeryLongClassName\($0)", arguments: [])
        }
        let union = try #require(ArgumentUnion(members: members, namespace: "PyM", taken: []))
        #expect(union.name.count == ArgumentUnion.maximumNameLength)
        #expect(union.name.hasPrefix("VeryLongClassName0OrVeryLongClassName1"))
        let again = try #require(ArgumentUnion(members: members.reversed(), namespace: "PyM", taken: []))
        #expect(again.name == union.name)
    }
}

/// `Literal[…]` types become generated enumerations.
@Suite("Literals: generated enumerations")
struct LiteralEnumTests {
    typealias S = SnippetTests
    static let throwsClause = "throws(PythonRuntime.PythonError)"

    @Test func aLiteralParameterIsAnEnumerationNamedByItsAlias() {
        let mode = PythonType.literal(
            values: [.string("r"), .string("rb"), .string("r+"), .string("@c")], name: "OpenTextMode")
        let text = S.render(functions: [
            S.function("open", [S.parameter("mode", .positionalOrKeyword, mode, default: "'r'")], returns: .none)
        ])
        #expect(
            TypeRulesTests.signatures("`open`", in: text) == [
                "public static func `open`(mode: PyStatistics.OpenTextMode? = nil) \(Self.throwsClause)"
            ])
        #expect(
            S.declaration("public enum OpenTextMode", in: text) == """
                /// The values a `statistics` parameter or result of type `Literal["r", "rb", "r+", "@c"]` takes.
                ///
                /// Converts to its raw value; a value Python returns that is none of the cases is a `PythonError`.
                public enum OpenTextMode: Swift.String, PythonRuntime.PythonLiteral {
                    case r = "r"
                    case rb = "rb"
                    case rPlus = "r+"
                    case atC = "@c"
                }
                """)
    }

    @Test func anUnnamedLiteralIsNamedByItsCasesAndIntegerLiteralsWork() {
        let how = PythonType.literal(values: [.string("left"), .string("right"), .string("inner")], name: nil)
        let level = PythonType.literal(values: [.int(-1), .int(0), .int(2)], name: nil)
        let text = S.render(functions: [
            S.function("merge", [S.parameter("how", .keyword, how)], returns: level)
        ])
        #expect(
            TypeRulesTests.signatures("merge", in: text) == [
                "public static func merge(how: PyStatistics.LeftOrRightOrInner) \(Self.throwsClause) -> PyStatistics.ValueMinus1OrValue0OrValue2"
            ])
        #expect(text.contains("public enum ValueMinus1OrValue0OrValue2: Swift.Int, PythonRuntime.PythonLiteral {"))
        #expect(text.contains("case valueMinus1 = -1"))
    }

    @Test func aLiteralMixedWithOtherTypesKeepsBoth() {
        let auto = PythonType.literal(values: [.string("auto"), .string("never")], name: nil)
        let text = S.render(functions: [
            S.function("f", [S.parameter("x", .positional, .union([auto, .int]))], returns: .none)
        ])
        #expect(
            TypeRulesTests.signatures("f", in: text) == [
                "public static func f(_ x: some PyStatistics.IntOrAutoOrNever) \(Self.throwsClause)"
            ])
        #expect(text.contains("extension PyStatistics.AutoOrNever: PyStatistics.IntOrAutoOrNever {}"))
        #expect(text.contains("extension Swift.Int: PyStatistics.IntOrAutoOrNever {}"))
    }

    @Test func aOneValueLiteralIsItsValuesTypeAndNamesDoNotCollide() {
        let zero = PythonType.literal(values: [.int(0)], name: nil)
        let first = PythonType.literal(values: [.string("a"), .string("b")], name: "_Mode")
        let second = PythonType.literal(values: [.string("c"), .string("d")], name: "Mode")
        let text = S.render(
            functions: [
                S.function("f", [S.parameter("x", .positional, zero)], returns: .none),
                S.function(
                    "g", [S.parameter("x", .positional, first), S.parameter("y", .positional, second)], returns: .none),
            ],
            classes: [ArgumentUnionTests.wrapperClass("Mode")])
        #expect(
            TypeRulesTests.signatures("f", in: text) == ["public static func f(_ x: Swift.Int) \(Self.throwsClause)"])
        #expect(
            TypeRulesTests.signatures("g", in: text) == [
                "public static func g(_ x: PyStatistics.ModeLiteral, _ y: PyStatistics.ModeLiteral2) \(Self.throwsClause)"
            ])
    }
}

/// A union result is an enumeration with a case per member.
@Suite("Union results: one case per member")
struct ValueUnionTests {
    typealias S = SnippetTests
    static let throwsClause = "throws(PythonRuntime.PythonError)"

    @Test func aUnionResultIsAnEnumerationTriedInDeclaredOrderBoolBeforeInt() {
        let text = S.render(functions: [
            S.function("f", [], returns: .union([.int, .str, .bool, .list(.bytes)]))
        ])
        #expect(
            TypeRulesTests.signatures("f", in: text) == [
                "public static func f() \(Self.throwsClause) -> PyStatistics.BoolOrIntOrStringOrListOfBytesValue"
            ])
        #expect(
            S.declaration("public enum BoolOrIntOrStringOrListOfBytesValue", in: text) == """
                /// A `statistics` value that is one of: `Swift.Bool`, `Swift.Int`, `Swift.String`, `[[Swift.UInt8]]`.
                ///
                /// Read from Python by trying the members in this order (`bool` before `int`); the first that accepts the
                /// value is the case.
                public enum BoolOrIntOrStringOrListOfBytesValue: PythonRuntime.ConvertibleFromPython, PythonRuntime.ConvertibleToPython, Swift.CustomStringConvertible {
                    case bool(Swift.Bool)
                    case int(Swift.Int)
                    case string(Swift.String)
                    case listOfBytes([[Swift.UInt8]])

                    /// Reads the first member that accepts the object.
                    /// - Throws: `PythonError` if none does.
                    public init(pythonReference object: PythonRuntime.PyObjectPointer) throws(PythonRuntime.PythonError) {
                        if let value = try? Swift.Bool(pythonReference: object) {
                            self = .bool(value)
                            return
                        }
                        if let value = try? Swift.Int(pythonReference: object) {
                            self = .int(value)
                            return
                        }
                        if let value = try? Swift.String(pythonReference: object) {
                            self = .string(value)
                            return
                        }
                        if let value = try? [[Swift.UInt8]](pythonReference: object) {
                            self = .listOfBytes(value)
                            return
                        }
                        throw PythonRuntime.PythonError.conversionFailure(expected: "Swift.Bool | Swift.Int | Swift.String | [[Swift.UInt8]]", got: object)
                    }

                    /// The member's Python value.
                    public func pythonReference() throws(PythonRuntime.PythonError) -> PythonRuntime.PyObjectPointer {
                        switch self {
                        case .bool(let value): return try value.pythonReference()
                        case .int(let value): return try value.pythonReference()
                        case .string(let value): return try value.pythonReference()
                        case .listOfBytes(let value): return try value.pythonReference()
                        }
                    }

                    /// The member's own description.
                    public var description: Swift.String {
                        switch self {
                        case .bool(let value): return "\\(value)"
                        case .int(let value): return "\\(value)"
                        case .string(let value): return "\\(value)"
                        case .listOfBytes(let value): return "\\(value)"
                        }
                    }
                }
                """)
    }

    @Test func aMemberWithoutASwiftFormKeepsTheResultDynamic() {
        let unknown = PythonType.class(name: "Thing", module: "elsewhere")
        let text = S.render(functions: [
            S.function("f", [], returns: .union([.str, unknown])),
            S.function("g", [], returns: .optional(.union([.str, .bytes]))),
            S.function("h", [], returns: .list(.union([.int, .str]))),
        ])
        #expect(
            TypeRulesTests.signatures("f", in: text) == [
                "public static func f() \(Self.throwsClause) -> PythonRuntime.PythonObject"
            ])
        #expect(
            TypeRulesTests.signatures("g", in: text) == [
                "public static func g() \(Self.throwsClause) -> PyStatistics.StringOrBytesValue?"
            ])
        #expect(
            TypeRulesTests.signatures("h", in: text) == [
                "public static func h() \(Self.throwsClause) -> [PyStatistics.IntOrStringValue]"
            ])
    }
}

/// A `TypedDict` is a generated struct.
@Suite("Typed dicts: generated structs")
struct TypedDictStructTests {
    typealias S = SnippetTests

    @Test func aTypedDictIsAStructWithItsKeysAndItsClassIsNoWrapper() {
        let movie = PythonType.typedDict(
            name: "Movie", module: "statistics",
            fields: [
                TypedDictField(name: "title", type: .str, isRequired: true),
                TypedDictField(name: "init", type: .bool, isRequired: true),
                TypedDictField(name: "release_year", type: .optional(.int), isRequired: false),
                TypedDictField(
                    name: "sequel", type: .typedDict(name: "Movie", module: "statistics", fields: []), isRequired: false
                ),
            ])
        let text = S.render(
            functions: [S.function("best", [S.parameter("movies", .positional, .list(movie))], returns: movie)],
            classes: [ArgumentUnionTests.wrapperClass("Movie")])
        #expect(
            TypeRulesTests.signatures("best", in: text) == [
                "public static func best(_ movies: [PyStatistics.Movie]) throws(PythonRuntime.PythonError) -> PyStatistics.Movie"
            ])
        #expect(!text.contains("class Movie"))
        #expect(
            text.contains(
                "public struct Movie: PythonRuntime.ConvertibleToPython, PythonRuntime.ConvertibleFromPython {"))
        #expect(text.contains("public var title: Swift.String"))
        // A key named like a keyword is escaped wherever it is used.
        #expect(text.contains("public var `init`: Swift.Bool"))
        #expect(text.contains("self.`init` = try dictionary.value(\"init\")"))
        #expect(text.contains("try dictionary.set(\"init\", self.`init`)"))
        // Missing and `None` are both nil; a key referring back to the struct itself stays a PythonObject.
        #expect(text.contains("public var releaseYear: Swift.Int?"))
        #expect(
            text.contains("self.releaseYear = (try dictionary.valueIfPresent(\"release_year\") as Swift.Int??) ?? nil"))
        #expect(text.contains("public var sequel: PythonRuntime.PythonObject?"))
        #expect(
            text.contains(
                "public init(title: Swift.String, `init`: Swift.Bool, releaseYear: Swift.Int? = nil, sequel: PythonRuntime.PythonObject? = nil) {"
            ))
    }
}
