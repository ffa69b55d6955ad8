/// A value that is one of a Python union's members, as a generated enumeration: a result typed `str | bytes`
/// is `PyM.StringOrBytesValue` with `case string(Swift.String)` and `case bytes([Swift.UInt8])`.
///
/// Reading a Python value tries the members in the order Python states them, except that `bool` comes before
/// `int` (every Python bool is an int); the first whose conversion accepts the value is the case. The enum
/// converts back to Python too, so it can also be what a Swift closure returns. A union with a member Swift
/// cannot type stays `PythonObject`.
struct ValueUnion: Hashable, Sendable {
    /// The generated module's namespace.
    let namespace: String
    let name: String
    /// The members, in the order conversion tries them.
    let members: [SwiftType]

    /// The most members a value union has; a wider union stays `PythonObject`.
    static let maximumMembers = 8

    /// The union of `members` (mapped, without repeats), or `nil` when it cannot be one: fewer than two
    /// members, too many, or a member that does not convert on its own (`PythonObject`, a tuple, an iterator,
    /// a closure, a generic parameter).
    init?(members mapped: [SwiftType], namespace: String, taken: Set<String>) {
        var members: [SwiftType] = []
        for member in mapped where !members.contains(member) { members.append(member) }
        guard members.count >= 2, members.count <= Self.maximumMembers,
            members.allSatisfy(Self.convertsOnItsOwn)
        else { return nil }
        if let bool = members.firstIndex(of: .bool), let int = members.firstIndex(of: .int), int < bool {
            members.remove(at: bool)
            members.insert(.bool, at: int)
        }
        self.members = members
        self.namespace = namespace
        var name = members.map { $0.unionNameFragment(home: namespace) }.joined(separator: "Or")
        if name.count > ArgumentUnion.maximumNameLength {
            name = String(name.prefix(ArgumentUnion.maximumNameLength - 9)) + "_" + ArgumentUnion.stableHash(name)
        }
        name += "Value"
        while taken.contains(name) { name += "_" }
        self.name = name
    }

    /// Whether a value of `type` converts from and to Python through the conversion protocols alone.
    private static func convertsOnItsOwn(_ type: SwiftType) -> Bool {
        // The enumeration is declared in the namespace, where no generic parameter is in scope.
        guard type.typeVariables.isEmpty, !type.hasClassParameter else { return false }
        switch type {
        case .int, .double, .string, .bool, .bytes, .complex, .wrapper, .literal, .typedDict: return true
        case .array(let item), .set(let item), .optional(let item): return convertsOnItsOwn(item)
        case .dictionary(let key, let value): return convertsOnItsOwn(key) && convertsOnItsOwn(value)
        case .valueUnion: return true
        default: return false
        }
    }

    /// The case name of each member: its name fragment in lower camel case (`string`, `listOfInt`, `date`).
    var caseNames: [String] {
        var used: Set<String> = []
        return members.map { member in
            let fragment = member.unionNameFragment(home: namespace)
            var name = fragment.prefix(1).lowercased() + fragment.dropFirst()
            while used.contains(name) { name += "_" }
            used.insert(name)
            return name
        }
    }
}
