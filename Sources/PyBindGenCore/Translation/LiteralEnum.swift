/// A Swift enumeration for a Python `Literal[…]` type: `Literal["r", "rb", "r+"]` → `enum OpenTextMode:
/// String, PythonRuntime.PythonLiteral { case r = "r", rb = "rb", rPlus = "r+" }`, so `open(file:mode: .rb)`
/// completes and a typo does not compile.
///
/// A literal of one value (`buffering: Literal[0]`, which typeshed uses to pick an overload) is its value's
/// type instead: an enumeration of one case would only add ceremony.
///
/// The enumeration is named by the alias that names the literal in the source (`OpenTextMode`), else by its
/// cases joined by `Or` (`LeftOrRightOrInner`); a name a class or another literal of the module has already
/// gets `Literal` appended (and a number, if need be). Names depend only on the module's literals.
struct LiteralEnum: Hashable, Sendable {
    /// The generated module's namespace.
    let namespace: String
    let name: String
    /// The values, in the order Python states them.
    let values: [LiteralValue]

    /// Whether the raw values are text (else integers).
    var isText: Bool {
        if case .string = values.first { return true }
        return false
    }

    /// The case name of each value, unique within the enumeration: `"r+"` → `rPlus`, `"utf-8"` → `utf8`, `"@c"` →
    /// `atC`,
    /// `3` → `value3`, `-1` → `valueMinus1`, `""` → `empty`.
    var caseNames: [String] {
        var used: Set<String> = []
        return values.map { value in
            var name = Self.caseName(value)
            while used.contains(name) { name += "_" }
            used.insert(name)
            return name
        }
    }

    private static func caseName(_ value: LiteralValue) -> String {
        switch value {
        case .int(let number): return number < 0 ? "valueMinus\(-number)" : "value\(number)"
        case .string(let text):
            var words: [String] = []
            var current = ""
            for scalar in text.unicodeScalars {
                let isWordCharacter =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                if isWordCharacter {
                    current.unicodeScalars.append(scalar)
                    continue
                }
                if !current.isEmpty { words.append(current) }
                current = ""
                if scalar == "+" { words.append("plus") }
                if scalar == "*" { words.append("star") }
                if scalar == "@" { words.append("at") }
            }
            if !current.isEmpty { words.append(current) }
            guard let first = words.first else { return text.isEmpty ? "empty" : "value" }
            // A word in capitals keeps them (`"C"` and `"c"` are both cases of numpy's orders).
            let isCapitals = first.allSatisfy { !$0.isLowercase }
            var name = isCapitals ? first : first.prefix(1).lowercased() + first.dropFirst()
            for word in words.dropFirst() { name += word.prefix(1).uppercased() + word.dropFirst() }
            if name.first?.isNumber == true { name = "value" + name.prefix(1).uppercased() + name.dropFirst() }
            return name
        }
    }

    /// The Swift names of a module's literal types (each `.literal` case of its description), none colliding
    /// with `taken` (its classes) or each other.
    static func names(for literals: Set<PythonType>, taken: Set<String>) -> [PythonType: String] {
        func base(_ literal: PythonType) -> String {
            guard case .literal(let values, let alias) = literal else { return "" }
            if let alias, Naming.isRepresentable(alias) {
                let trimmed = String(alias.drop { $0 == "_" })
                if !trimmed.isEmpty { return Naming.typeName(trimmed) }
            }
            let cases = LiteralEnum(namespace: "", name: "", values: values).caseNames
            let joined = cases.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "Or")
            return joined.count > ArgumentUnion.maximumNameLength
                ? String(joined.prefix(ArgumentUnion.maximumNameLength - 9)) + "_" + ArgumentUnion.stableHash(joined)
                : joined
        }
        var used = taken
        var result: [PythonType: String] = [:]
        let ordered = literals.map { (base($0), $0) }.sorted { ($0.0, "\($0.1)") < ($1.0, "\($1.1)") }
        for (name, literal) in ordered {
            var unique = used.contains(name) ? name + "Literal" : name
            var number = 2
            while used.contains(unique) {
                unique = name + "Literal\(number)"
                number += 1
            }
            used.insert(unique)
            result[literal] = unique
        }
        return result
    }
}

extension PythonType {
    /// Every `.literal` type inside this one.
    var literals: Set<PythonType> {
        if case .literal(let values, _) = self { return values.count > 1 ? [self] : [] }
        return children.reduce(into: []) { $0.formUnion($1.literals) }
    }
}
