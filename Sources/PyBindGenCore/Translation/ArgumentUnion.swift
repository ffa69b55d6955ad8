/// A parameter that takes any member of a Python union, as one Swift parameter: `url: some
/// PythonRuntime.StringOrBytes`. The union is a protocol (refining `ConvertibleToPython`) that exactly the
/// members' Swift types conform to, so one declaration accepts each member and refuses anything else at compile
/// time.
///
/// Unions of `Bool`, `Int`, `Double`, `String`, `[UInt8]` and `PythonObject` only are shared: their protocols
/// live in PythonRuntime. Any other union is declared in the generated module's namespace, with its
/// conformances. Either way the name is the members' names joined by `Or`, in a canonical order (so `str |
/// bytes` and `bytes | str` are one protocol): `StringOrBytes`, `ResponseOrString`, `ListOfIntOrString`.
struct ArgumentUnion: Hashable, Sendable {
    /// The members, each conforming; in canonical order.
    let members: [SwiftType]
    /// `PythonRuntime` for a shared union, else the generated module's namespace.
    let namespace: String
    /// The protocol's name in ``namespace``.
    let name: String

    /// The members PythonRuntime declares shared unions of, in canonical order.
    static let sharedMembers: [SwiftType] = [.bool, .int, .double, .string, .bytes, .object(.open)]

    /// The namespace of shared unions.
    static let runtimeNamespace = "PythonRuntime"

    /// The longest protocol name spelled out in full; longer ones end in a stable hash of the full name.
    static let maximumNameLength = 64

    /// The union of `members` (already conforming and without repeats), or `nil` when fewer than two remain.
    /// - Parameters:
    ///   - namespace: The generated module's namespace, used unless every member is shared.
    ///   - taken: Names in that namespace the protocol must not take (its classes).
    init?(members: [SwiftType], namespace: String, taken: Set<String>) {
        var unique: [SwiftType] = []
        for member in members where !unique.contains(member) { unique.append(member) }
        guard unique.count >= 2 else { return nil }
        let ordered = unique.sorted { Self.sortKey($0, home: namespace) < Self.sortKey($1, home: namespace) }
        self.members = ordered
        let isShared = ordered.allSatisfy { Self.sharedMembers.contains($0) }
        self.namespace = isShared ? Self.runtimeNamespace : namespace
        var name = ordered.map { $0.unionNameFragment(home: namespace) }.joined(separator: "Or")
        if name.count > Self.maximumNameLength {
            name = String(name.prefix(Self.maximumNameLength - 9)) + "_" + Self.stableHash(name)
        }
        while !isShared && taken.contains(name) { name += "Argument" }
        self.name = name
    }

    /// Shared members first (in ``sharedMembers``' order), then the others by name, `PythonObject` last.
    private static func sortKey(_ type: SwiftType, home: String) -> String {
        if case .object = type { return "2" }
        if let index = sharedMembers.firstIndex(of: type) { return "0\(index)" }
        return "1" + type.unionNameFragment(home: home)
    }

    /// FNV-1a of `text`, 8 hex digits: the same on every machine and run (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// What a type conforms to the protocol as: its own nominal type, or the generic type it is an instance of
    /// (`[UInt8]` and `[String]` are both `Array`), which can conform at most once. `nil`: it cannot conform
    /// (closures, tuples, generic parameters, iterators).
    static func conformingHead(of type: SwiftType) -> String? {
        // A conformance is declared in the namespace, where no generic parameter is in scope.
        guard type.typeVariables.isEmpty, !type.hasClassParameter else { return nil }
        switch type {
        case .int, .double, .string, .bool, .complex: return type.unionNameFragment(home: "")
        case .bytes, .array: return "Array"
        case .set: return "Set"
        case .dictionary: return "Dictionary"
        case .optional: return "Optional"
        case .wrapper(let namespace, let name, _):
            // A generic class conforms for every argument.
            return namespace + "." + name
        case .object: return "PythonObject"
        case .literal(let literal): return "Literal." + literal.name
        case .valueUnion(let union): return "ValueUnion." + union.name
        case .typedDict(let typedDict): return "TypedDict." + typedDict.name
        default: return nil
        }
    }
}

extension SwiftType {
    /// The type's part of a union protocol's name: `Int`, `Bytes`, `ListOfString`, `DictOfStringToInt`,
    /// `OptionalDouble`, a wrapper class's name (prefixed by its module's when that is not `home`, the
    /// namespace the union is declared in: `DatetimeDate`), `PythonObject`.
    func unionNameFragment(home: String) -> String {
        func inner(_ type: SwiftType) -> String { type.unionNameFragment(home: home) }
        switch self {
        case .void: return "None"
        case .int: return "Int"
        case .double: return "Double"
        case .string: return "String"
        case .bool: return "Bool"
        case .bytes: return "Bytes"
        case .complex: return "Complex"
        case .array(let item): return "ListOf" + inner(item)
        case .set(let item): return "SetOf" + inner(item)
        case .dictionary(let key, let value): return "DictOf\(inner(key))To\(inner(value))"
        case .optional(let wrapped): return "Optional" + inner(wrapped)
        case .tuple(let items): return "TupleOf" + items.map(inner).joined(separator: "And")
        case .iterator(let item), .asyncSequence(let item): return "IteratorOf" + inner(item)
        case .wrapper(let namespace, let name, _), .remoteHandle(let namespace, let name, _):
            return namespace == home ? name : String(namespace.dropFirst(namespace.hasPrefix("Py") ? 2 : 0)) + name
        case .generic(let name), .classParameter(let name): return TypeTranslator.genericName(name)
        case .items(let item): return "ItemsOf" + inner(item)
        case .closure: return "Function"
        case .union(let union, _): return union.name
        case .literal(let literal): return literal.name
        case .valueUnion(let union): return String(union.name.dropLast("Value".count))
        case .typedDict(let typedDict): return typedDict.name
        case .slice: return "Slice"
        case .object, .someConvertible, .anyConvertibleArgument, .anyConvertible: return "PythonObject"
        }
    }
}
