/// A Swift struct for a Python `TypedDict`: `class Movie(TypedDict): title: str; year: NotRequired[int]` →
/// `struct Movie { var title: String; var year: Int? }`, converting to and from a `dict` with those keys. A
/// key every such dict has is a non-optional property (unless its value may be `None`); a key that may be
/// missing is optional and left out of the dict when `nil`.
struct TypedDictStruct: Hashable, Sendable {
    struct Field: Hashable, Sendable {
        var swiftName: String
        var pythonName: String
        /// The type of the value when present.
        var type: SwiftType
        var isRequired: Bool

        /// The stored property's type: optional when the key may be missing.
        var storedType: SwiftType { isRequired ? type : type.optionalized }
    }

    /// The generated module's namespace.
    let namespace: String
    let name: String
    /// `module.Name`.
    let pythonName: String
    let fields: [Field]

    /// The key a typed dict is registered by: `module.Name`.
    static func key(name: String, module: String?) -> String { (module ?? "") + "." + name }

    /// The Swift names of the module's typed dicts, none colliding with `taken` or each other; those with a key
    /// Swift cannot name (`TypedDict("T", {"first-name": str})`) are left out (they stay dictionaries).
    static func names(for typedDicts: [String: PythonType], taken: Set<String>) -> [String: String] {
        var used = taken
        var result: [String: String] = [:]
        for key in typedDicts.keys.sorted() {
            guard case .typedDict(let name, _, let fields) = typedDicts[key]!,
                fields.allSatisfy({ Naming.isRepresentable($0.name) })
            else { continue }
            var swiftName = Naming.typeName(
                String(name.drop { $0 == "_" }).isEmpty ? name : String(name.drop { $0 == "_" }))
            while used.contains(swiftName) { swiftName += "_" }
            used.insert(swiftName)
            result[key] = swiftName
        }
        return result
    }
}

extension PythonType {
    /// Every `TypedDict` inside this one, by ``TypedDictStruct/key(name:module:)`` (the first seen of each).
    var typedDicts: [String: PythonType] {
        var found: [String: PythonType] = [:]
        if case .typedDict(let name, let module, _) = self {
            found[TypedDictStruct.key(name: name, module: module)] = self
        }
        for child in children { found.merge(child.typedDicts) { first, _ in first } }
        return found
    }
}
