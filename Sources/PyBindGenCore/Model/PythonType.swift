/// A type as Python states it, in pybindgen's small type language: what introspection read from the stubs, the
/// annotations or the running module, before any decision about its Swift form.
///
/// Encoded in module descriptions as `{"kind": …, "args": […], "name": …, "module": …, "reason": …, "open": …}`
/// (see ``ModuleDescription/schemaVersion``); a description Swift cannot read as one of these cases decodes as
/// ``object(reason:isOpen:)`` naming what it was, so an unknown kind is a dynamic type, never a failure.
public indirect enum PythonType: Sendable, Hashable {
    case int, float, complex, str, bool, bytes
    /// `None`.
    case none
    /// `list[T]` (and the sequence and iterable protocols).
    case list(PythonType)
    /// `Sequence[T]`, `Iterable[T]`, `Collection[T]`: a protocol that a `str` satisfies when `T` is text (a
    /// `str` is a `Sequence[str]`); otherwise read as ``list(_:)``.
    case sequence(PythonType)
    /// `set[T]`, `frozenset[T]`.
    case set(PythonType)
    /// `dict[K, V]` (and the mapping protocols).
    case dict(key: PythonType, value: PythonType)
    /// `tuple[A, B, …]`; `tuple[()]` has no elements.
    case tuple([PythonType])
    /// `T | None`.
    case optional(PythonType)
    /// `A | B | …`, members in the order Python states them.
    case union([PythonType])
    /// A class this module generates (`module` is nil; `name` is its generated name), or a class defined
    /// elsewhere: `module` is where it is defined, `name` its qualified name there, `arguments` its type
    /// arguments (`os.PathLike[str]`).
    case `class`(name: String, module: String?, arguments: [PythonType] = [])
    /// A type variable of the function (`_T`); `values` are the allowed types of a value-constrained one
    /// (`TypeVar("_N", float, Decimal)`), empty otherwise.
    case typeVariable(String, values: [PythonType] = [])
    /// A type parameter of the class whose member this type belongs to (`_T` of `class C(Generic[_T])`): fixed
    /// by the instance, not by each call.
    case classParameter(String)
    /// `Callable[[A, B], R]`.
    case callable(parameters: [PythonType], result: PythonType)
    /// A result read lazily: `Iterator[T]`, `Generator[T, …]`.
    case iterator(PythonType)
    /// A result iterated asynchronously: `AsyncIterator[T]`, `AsyncGenerator[T, …]`.
    case asyncIterator(PythonType)
    /// A coroutine or other awaitable whose result is `T`.
    case awaitable(PythonType)
    /// `Literal["r", "w"]`, `Literal[0, 1]`: the values allowed (all text or all integers), and the alias that
    /// names them in the source (`OpenTextMode`), if there is one.
    case literal(values: [LiteralValue], name: String?)
    /// A `TypedDict` class: a `dict` with these keys (in order), defined in `module`.
    case typedDict(name: String, module: String?, fields: [TypedDictField])
    /// A dynamic value. `reason` says why; `isOpen` is `true` where Python itself leaves the type open (`Any`,
    /// `object`, a protocol, a generic class's type variable), so `PythonObject` is the faithful Swift type.
    case object(reason: String?, isOpen: Bool?)

    /// `Any`: an open dynamic type.
    public static let any = PythonType.object(reason: "Any", isOpen: true)

    /// The members of a union, or the type itself.
    public var unionMembers: [PythonType] {
        if case .union(let members) = self { return members }
        return [self]
    }

    /// The type variables the type mentions, in order of appearance (repeats included).
    public var typeVariables: [String] {
        switch self {
        case .typeVariable(let name, _): return [name]
        default: return children.flatMap(\.typeVariables)
        }
    }

    /// The type with every occurrence of the type variable `name` replaced by `replacement`.
    public func substituting(_ name: String, with replacement: PythonType) -> PythonType {
        rewritten { type in
            if case .typeVariable(name, _) = type { return replacement }
            return nil
        }
    }

    /// The type rebuilt top-down: `rule` replaces a type (and all inside it) when it returns one; otherwise the
    /// type keeps its case and its children are rewritten (a type variable's values and a typed dict's fields
    /// are kept as they are).
    public func rewritten(_ rule: (PythonType) -> PythonType?) -> PythonType {
        if let replaced = rule(self) { return replaced }
        func inner(_ type: PythonType) -> PythonType { type.rewritten(rule) }
        switch self {
        case .list(let item): return .list(inner(item))
        case .sequence(let item): return .sequence(inner(item))
        case .set(let item): return .set(inner(item))
        case .dict(let key, let value): return .dict(key: inner(key), value: inner(value))
        case .tuple(let items): return .tuple(items.map(inner))
        case .optional(let item): return .optional(inner(item))
        case .union(let items): return .union(items.map(inner))
        case .class(let className, let module, let arguments):
            return .class(name: className, module: module, arguments: arguments.map(inner))
        case .callable(let parameters, let result):
            return .callable(parameters: parameters.map(inner), result: inner(result))
        case .iterator(let item): return .iterator(inner(item))
        case .asyncIterator(let item): return .asyncIterator(inner(item))
        case .awaitable(let item): return .awaitable(inner(item))
        default: return self
        }
    }

    /// The value-constrained type variables the type mentions, in order of appearance, with their values.
    public var constrainedTypeVariables: [(name: String, values: [PythonType])] {
        if case .typeVariable(let name, let values) = self, !values.isEmpty { return [(name, values)] }
        return children.flatMap(\.constrainedTypeVariables)
    }

    /// The types directly inside this one.
    public var children: [PythonType] {
        switch self {
        case .int, .float, .complex, .str, .bool, .bytes, .none, .object, .literal, .classParameter: return []
        case .typedDict(_, _, let fields): return fields.map(\.type)
        case .typeVariable(_, let values): return values
        case .class(_, _, let arguments): return arguments
        case .list(let item), .sequence(let item), .set(let item), .optional(let item), .iterator(let item),
            .asyncIterator(let item),
            .awaitable(let item):
            return [item]
        case .dict(let key, let value): return [key, value]
        case .tuple(let items), .union(let items): return items
        case .callable(let parameters, let result): return parameters + [result]
        }
    }
}

extension PythonType: Codable {
    private enum CodingKeys: String, CodingKey { case kind, args, name, module, reason, open, values, fields }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let args = try container.decodeIfPresent([PythonType].self, forKey: .args) ?? []
        let name = try container.decodeIfPresent(String.self, forKey: .name)
        switch (kind, args.count) {
        case ("int", _): self = .int
        case ("float", _): self = .float
        case ("complex", _): self = .complex
        case ("str", _): self = .str
        case ("bool", _): self = .bool
        case ("bytes", _): self = .bytes
        case ("none", _): self = .none
        case ("list", 1): self = .list(args[0])
        case ("sequence", 1): self = .sequence(args[0])
        case ("set", 1): self = .set(args[0])
        case ("dict", 2): self = .dict(key: args[0], value: args[1])
        case ("tuple", _): self = .tuple(args)
        case ("optional", 1): self = .optional(args[0])
        case ("union", _): self = .union(args)
        case ("class", _) where name != nil:
            self = .class(
                name: name!, module: try container.decodeIfPresent(String.self, forKey: .module), arguments: args)
        case ("typevar", _) where name != nil:
            self = .typeVariable(name!, values: try container.decodeIfPresent([PythonType].self, forKey: .values) ?? [])
        case ("classParameter", _) where name != nil: self = .classParameter(name!)
        case ("callable", 1...): self = .callable(parameters: Array(args.dropLast()), result: args[args.count - 1])
        case ("iterator", 1): self = .iterator(args[0])
        case ("asyncIterator", 1): self = .asyncIterator(args[0])
        case ("awaitable", 1): self = .awaitable(args[0])
        case ("typedDict", _) where name != nil:
            self = .typedDict(
                name: name!, module: try container.decodeIfPresent(String.self, forKey: .module),
                fields: try container.decode([TypedDictField].self, forKey: .fields))
        case ("literal", _):
            let values = try container.decode([LiteralValue].self, forKey: .values)
            self = values.isEmpty ? .none : .literal(values: values, name: name)
        case ("object", _):
            self = .object(
                reason: try container.decodeIfPresent(String.self, forKey: .reason),
                isOpen: try container.decodeIfPresent(Bool.self, forKey: .open))
        default:
            self = .object(reason: "unrecognized type description `\(kind)` with \(args.count) arguments", isOpen: nil)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .class(let name, let module, let arguments):
            try container.encode(name, forKey: .name)
            try container.encodeIfPresent(module, forKey: .module)
            if !arguments.isEmpty { try container.encode(arguments, forKey: .args) }
        case .typeVariable(let name, let values):
            try container.encode(name, forKey: .name)
            if !values.isEmpty { try container.encode(values, forKey: .values) }
        case .classParameter(let name):
            try container.encode(name, forKey: .name)
        case .typedDict(let name, let module, let fields):
            try container.encode(name, forKey: .name)
            try container.encodeIfPresent(module, forKey: .module)
            try container.encode(fields, forKey: .fields)
        case .literal(let values, let name):
            try container.encode(values, forKey: .values)
            try container.encodeIfPresent(name, forKey: .name)
        case .object(let reason, let isOpen):
            try container.encodeIfPresent(reason, forKey: .reason)
            try container.encodeIfPresent(isOpen, forKey: .open)
        case .list, .sequence, .set, .dict, .tuple, .optional, .union, .callable, .iterator, .asyncIterator,
            .awaitable:
            try container.encode(children, forKey: .args)
        case .int, .float, .complex, .str, .bool, .bytes, .none:
            break
        }
    }

    /// The `kind` a description writes for this case.
    private var kind: String {
        switch self {
        case .int: "int"
        case .float: "float"
        case .complex: "complex"
        case .str: "str"
        case .bool: "bool"
        case .bytes: "bytes"
        case .none: "none"
        case .list: "list"
        case .sequence: "sequence"
        case .set: "set"
        case .dict: "dict"
        case .tuple: "tuple"
        case .optional: "optional"
        case .union: "union"
        case .class: "class"
        case .typeVariable: "typevar"
        case .classParameter: "classParameter"
        case .callable: "callable"
        case .iterator: "iterator"
        case .asyncIterator: "asyncIterator"
        case .awaitable: "awaitable"
        case .literal: "literal"
        case .typedDict: "typedDict"
        case .object: "object"
        }
    }
}

/// One value of a `Literal[…]` type: text or an integer (encoded as the JSON string or number).
public enum LiteralValue: Sendable, Hashable, Codable {
    /// A `str` value.
    case string(String)
    /// An `int` value.
    case int(Int)

    /// Reads a JSON number as an integer, a JSON string as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Writes the value as a JSON string or number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        }
    }
}

/// One key of a `TypedDict`: its name, the type of its value, and whether every such dict has it.
public struct TypedDictField: Sendable, Hashable, Codable {
    /// The key.
    public var name: String
    /// The type of its value.
    public var type: PythonType
    /// Whether every such dict has the key (not `NotRequired`, not in a `total=False` TypedDict).
    public var isRequired: Bool

    /// A key of a `TypedDict`.
    public init(name: String, type: PythonType, isRequired: Bool) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
    }

    private enum CodingKeys: String, CodingKey {
        case name, type
        case isRequired = "required"
    }
}
