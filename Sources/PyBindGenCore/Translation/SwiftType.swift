/// A Swift type chosen for a Python type: the translator's decision, rendered to source text only by the
/// renderer (``rendered``).
///
/// Two values are the same Swift type when their cases and payloads are equal; ``Precision`` (why a type is
/// dynamic) does not take part in that identity.
indirect enum SwiftType: Hashable, Sendable {
    case void
    case int, double, string, bool, bytes, complex
    /// `[T]`.
    case array(SwiftType)
    /// `Set<T>`.
    case set(SwiftType)
    /// `[K: V]`.
    case dictionary(key: SwiftType, value: SwiftType)
    /// `T?`.
    case optional(SwiftType)
    /// `(A, B, …)`, converted from Python with `tuple(of:)` (Swift tuples conform to no protocol).
    case tuple([SwiftType])
    /// `TypedPythonIterator<T>`: a result read lazily.
    case iterator(SwiftType)
    /// `PythonAsyncSequence<T>`: a result iterated with `for try await`.
    case asyncSequence(SwiftType)
    /// A generated wrapper class, `PyDatetime.Date`: `namespace` is the generated module's Swift name;
    /// `arguments` are a generic class's type arguments (`PyCollections.Counter<Swift.String>`), empty otherwise.
    case wrapper(namespace: String, name: String, arguments: [SwiftType])
    /// The remote handle of a wrapper class, `PyDatetime.Date.Remote` (`PyCollections.Counter<T>.Remote`).
    case remoteHandle(namespace: String, name: String, arguments: [SwiftType])
    /// A generic parameter of a function for a Python type variable (named by the variable, `_T`).
    case generic(pythonName: String)
    /// A generic parameter of the enclosing generic class (`T` of `PyCollections.Counter<T>`), for a type
    /// variable of the Python class.
    case classParameter(pythonName: String)
    /// `some PythonRuntime.IterableArgument<T>`: a parameter taking a Swift array of the items, or a `String`
    /// where the items are text (a Python `str` is an iterable of `str`).
    case items(SwiftType)
    /// `((A, B) throws -> R)`, or `(@Sendable (A) async throws -> R)` when `isAsync`.
    case closure(parameters: [SwiftType], result: SwiftType, isAsync: Bool)
    /// `PythonObject`.
    case object(Precision)
    /// `some ConvertibleToPython`: a required parameter Swift cannot type more precisely.
    case someConvertible(Precision)
    /// `(any ConvertibleToPython)`: an optional parameter Swift cannot type more precisely (nothing would infer a
    /// `some` type when it is omitted).
    case anyConvertibleArgument(Precision)
    /// `any ConvertibleToPython`: what a closure returns to Python when Swift cannot type it.
    case anyConvertible(Precision)
    /// A generated enumeration of a `Literal[…]` type's values, `PyBuiltins.OpenTextMode`.
    case literal(LiteralEnum)
    /// A generated enumeration with a case per member of a union result, `PyM.StringOrBytesValue`.
    case valueUnion(ValueUnion)
    /// A generated struct for a `TypedDict`, `PyM.Movie`.
    case typedDict(TypedDictStruct)
    /// A Python `slice` parameter or subscript key: `some PythonRuntime.PythonSliceExpression`, a Swift range of
    /// integers (`items[2..<5]`) or a slice object.
    case slice
    /// A parameter taking any member of a union: `some PythonRuntime.StringOrBytes`, or `(any …)` when
    /// `isExistential` (an optional parameter: nothing would infer a `some` type when it is omitted).
    case union(ArgumentUnion, isExistential: Bool)

    /// Why a type is dynamic, kept with it but not part of its identity.
    struct Precision: Hashable, Sendable {
        /// Whether Python states a precise type that Swift cannot express (`false` where Python itself leaves the
        /// type open: `Any`, `object`, a protocol, a generic class's type variable).
        var isLost: Bool

        static let lost = Precision(isLost: true)
        static let open = Precision(isLost: false)

        static func == (_: Precision, _: Precision) -> Bool { true }
        func hash(into _: inout Hasher) {}
    }

    /// `PythonObject` for a type Swift cannot express.
    static let lostObject = SwiftType.object(.lost)

    /// The types directly inside this one.
    var children: [SwiftType] {
        switch self {
        case .array(let item), .set(let item), .optional(let item), .iterator(let item), .asyncSequence(let item),
            .items(let item):
            return [item]
        case .wrapper(_, _, let arguments), .remoteHandle(_, _, let arguments): return arguments
        case .dictionary(let key, let value): return [key, value]
        case .tuple(let items): return items
        case .closure(let parameters, let result, _): return parameters + [result]
        case .union(let union, _): return union.members
        case .valueUnion(let union): return union.members
        case .typedDict(let typedDict): return typedDict.fields.map(\.type)
        default: return []
        }
    }

    /// The precision of a dynamic leaf.
    private var leafPrecision: Precision? {
        switch self {
        case .object(let precision), .someConvertible(let precision), .anyConvertibleArgument(let precision),
            .anyConvertible(let precision):
            return precision
        default: return nil
        }
    }

    /// The types inside this one whose dynamic forms make it dynamic: not a generic class's arguments
    /// (`Counter<PythonObject>` is a typed instance whose items Python leaves open).
    private var valueChildren: [SwiftType] {
        switch self {
        case .wrapper, .remoteHandle: return []
        default: return children
        }
    }

    /// Whether the type is (or contains) `PythonObject` or another dynamic form.
    var isDynamic: Bool { leafPrecision != nil || valueChildren.contains(where: \.isDynamic) }

    /// Whether the type is (or contains) a dynamic form although Python states a precise type.
    var lostPrecision: Bool { leafPrecision?.isLost ?? valueChildren.contains(where: \.lostPrecision) }

    /// This type's dynamic form (`PythonObject`), keeping whether precision was lost.
    var asObject: SwiftType { .object(Precision(isLost: lostPrecision)) }

    /// The form an optional parameter takes (nothing infers a `some` type when it is omitted): `(any
    /// ConvertibleToPython)` or the union's existential, keeping whether precision was lost.
    var asOptionalArgument: SwiftType {
        switch self {
        case .someConvertible: return .anyConvertibleArgument(Precision(isLost: lostPrecision))
        case .union(let union, _): return .union(union, isExistential: true)
        case .items(let item): return .array(item)
        default: return self
        }
    }

    /// Whether the type is `Hashable` (dictionary keys, set elements).
    var isHashable: Bool {
        switch self {
        case .int, .double, .string, .bool, .bytes, .complex, .set, .literal: return true
        case .array(let item), .optional(let item): return item.isHashable
        case .dictionary(_, let value): return value.isHashable
        default: return false
        }
    }

    /// Whether a value of this type converts from Python item by item (a tuple, or a collection or optional of
    /// tuples) rather than through `ConvertibleFromPython`.
    var needsItemConversion: Bool {
        switch self {
        case .tuple: return true
        case .array(let item), .optional(let item): return item.needsItemConversion
        case .dictionary(_, let value): return value.needsItemConversion
        default: return false
        }
    }

    /// The Python type variables (generic parameters) the type mentions.
    var typeVariables: Set<String> {
        if case .generic(let name) = self { return [name] }
        return children.reduce(into: []) { $0.formUnion($1.typeVariables) }
    }

    /// The type with the enclosing class's generic parameters as `PythonObject` (open): the form a member of a
    /// union takes, since the union is declared in the namespace where no generic parameter is in scope.
    var openingClassParameters: SwiftType {
        rewritten { type in
            if case .classParameter = type { return .object(.open) }
            return nil
        }
    }

    /// Whether the type mentions a generic parameter of the enclosing class.
    var hasClassParameter: Bool { !classParameters.isEmpty }

    /// The generic parameters of the enclosing class the type mentions (their Python names).
    var classParameters: Set<String> {
        if case .classParameter(let name) = self { return [name] }
        return children.reduce(into: []) { $0.formUnion($1.classParameters) }
    }

    /// Whether the type is a Swift closure type (a `Callable` parameter), passed as `PythonObject(callable:)`.
    var isClosure: Bool {
        if case .closure = self { return true }
        return false
    }

    /// Whether the closure is `async`, passed as `PythonObject(asyncCallable:)`: Python awaits what it returns.
    var isAsyncClosure: Bool {
        if case .closure(_, _, true) = self { return true }
        return false
    }

    /// A required parameter's `some ConvertibleToPython` or `some` union.
    var isSomeConvertible: Bool {
        switch self {
        case .someConvertible, .union(_, isExistential: false), .items: return true
        default: return false
        }
    }

    /// The union protocol a parameter of this type takes, if it takes one.
    var argumentUnion: ArgumentUnion? {
        if case .union(let union, _) = self { return union }
        return nil
    }

    /// The wrapper class this type names, if it is one.
    var wrapperClass: (namespace: String, name: String)? {
        if case .wrapper(let namespace, let name, _) = self { return (namespace, name) }
        return nil
    }

    /// Whether the type can be a generic class's type argument (it converts both ways as one value):
    /// `Counter<Swift.String>` or `Counter<Swift.Int?>`, not `Counter<(Int, Int)>`.
    var isGenericArgument: Bool {
        switch self {
        case .int, .double, .string, .bool, .bytes, .complex, .object, .literal, .typedDict, .classParameter,
            .generic:
            return true
        case .array(let item), .set(let item), .optional(let item): return item.isGenericArgument
        case .dictionary(let key, let value): return key.isGenericArgument && value.isGenericArgument
        case .wrapper(_, _, let arguments): return arguments.allSatisfy(\.isGenericArgument)
        default: return false
        }
    }

    /// `T?` for a parameter with a default: unchanged if already optional.
    var optionalized: SwiftType {
        if case .optional = self { return self }
        return .optional(self)
    }

    /// The wrapped type of an optional, or the type itself.
    var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// The type with every optional removed and every wrapper class alike: the shape Swift compares when it
    /// matches an override (`f(x: Int? = nil)` overrides `f(x: Int)`, a superclass parameter overrides).
    var overrideShape: SwiftType {
        rewritten { type in
            switch type {
            case .optional(let wrapped): return wrapped.overrideShape
            case .wrapper: return .wrapper(namespace: "", name: "", arguments: [])
            default: return nil
            }
        }
    }

    /// The type with its generic parameters renamed by `rename`.
    func renamingGenerics(_ rename: (String) -> String) -> SwiftType {
        rewritten { type in
            if case .generic(let name) = type { return .generic(pythonName: rename(name)) }
            return nil
        }
    }

    /// The type rebuilt top-down: `rule` replaces a type (and all inside it) when it returns one; otherwise the
    /// type keeps its case and its children are rewritten.
    func rewritten(_ rule: (SwiftType) -> SwiftType?) -> SwiftType {
        if let replaced = rule(self) { return replaced }
        switch self {
        case .array(let item): return .array(item.rewritten(rule))
        case .set(let item): return .set(item.rewritten(rule))
        case .optional(let item): return .optional(item.rewritten(rule))
        case .iterator(let item): return .iterator(item.rewritten(rule))
        case .asyncSequence(let item): return .asyncSequence(item.rewritten(rule))
        case .items(let item): return .items(item.rewritten(rule))
        case .wrapper(let namespace, let name, let arguments):
            return .wrapper(namespace: namespace, name: name, arguments: arguments.map { $0.rewritten(rule) })
        case .remoteHandle(let namespace, let name, let arguments):
            return .remoteHandle(namespace: namespace, name: name, arguments: arguments.map { $0.rewritten(rule) })
        case .dictionary(let key, let value): return .dictionary(key: key.rewritten(rule), value: value.rewritten(rule))
        case .tuple(let items): return .tuple(items.map { $0.rewritten(rule) })
        case .closure(let parameters, let result, let isAsync):
            return .closure(
                parameters: parameters.map { $0.rewritten(rule) }, result: result.rewritten(rule), isAsync: isAsync)
        default: return self
        }
    }

    /// The generic parameters in order of first appearance.
    var genericsInOrder: [String] {
        if case .generic(let name) = self { return [name] }
        return children.flatMap(\.genericsInOrder)
    }
}
