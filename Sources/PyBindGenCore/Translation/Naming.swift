/// Python names to Swift names, per the naming contract.
public enum Naming {
    /// Words Swift reserves; such names are escaped with backticks.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "Type", "Protocol",
    ]

    /// Members of ``PythonRuntime/PythonInstance`` that generated members must not hide; they get a `_` suffix.
    static let reservedMembers: Set<String> = ["object", "attribute", "description", "pythonReference", "pythonClass"]

    /// The module's Swift name: `math` → `PyMath`, `os.path` → `PyOsPath`.
    public static func moduleName(_ python: String) -> String {
        "Py" + python.split(separator: ".").map { upperCamel(String($0)) }.joined()
    }

    /// `median_low` → `medianLow`, `and_` → `and`, `__call__` → `call`.
    public static func lowerCamel(_ python: String) -> String {
        let parts = python.split(separator: "_").map(String.init).filter { !$0.isEmpty }
        guard let first = parts.first else { return "value" }
        let rest = parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return ([first] + rest).joined()
    }

    /// `timedelta` → `Timedelta`, `OrderedDict` → `OrderedDict`, `my_class` → `MyClass`.
    public static func upperCamel(_ python: String) -> String {
        let camel = lowerCamel(python)
        return camel.prefix(1).uppercased() + camel.dropFirst()
    }

    /// A Swift identifier as written in code: keywords in backticks, names that start with a digit prefixed.
    public static func escaped(_ name: String) -> String {
        var name = name
        if let first = name.first, first.isNumber { name = "_" + name }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether a Python name can become a Swift identifier (ASCII letters, digits, underscores).
    public static func isRepresentable(_ python: String) -> Bool {
        guard let first = python.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return python.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
