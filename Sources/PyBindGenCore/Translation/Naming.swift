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
    static let reservedMembers: Set<String> = [
        "object", "attribute", "description", "pythonReference", "pythonClass", "hashable",
    ]

    /// The module's Swift name: `math` → `PyMath`, `os.path` → `PyOsPath`.
    /// The plugins name their output files with the same rule (`ConfigurationRules`).
    public static func moduleName(_ python: String) -> String {
        ConfigurationRules.swiftModuleName(python)
    }

    /// `median_low` → `medianLow`, `and_` → `and`, `__call__` → `call`.
    public static func lowerCamel(_ python: String) -> String {
        ConfigurationRules.lowerCamel(python)
    }

    /// `timedelta` → `Timedelta`, `OrderedDict` → `OrderedDict`, `my_class` → `MyClass`.
    public static func upperCamel(_ python: String) -> String {
        ConfigurationRules.upperCamel(python)
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

    /// Swift names for the Python names of one scope, none colliding with each other or with `taken`.
    ///
    /// Names are `transform`ed (camel-cased); when two Python names camel-case alike, the one with fewer
    /// underscores keeps the plain name and the other keeps its trailing underscores (`bool` → `Bool`,
    /// `bool_` → `Bool_`), or gets one, and more until unique. The result depends only on the set of names.
    static func uniqueNames(
        _ pythonNames: some Sequence<String>, taken: Set<String> = [], transform: (String) -> String
    ) -> [String: String] {
        func underscores(_ name: String) -> Int { name.filter { $0 == "_" }.count }
        var used = taken
        var result: [String: String] = [:]
        let ordered = Set(pythonNames).sorted { (underscores($0), $0) < (underscores($1), $1) }
        for python in ordered {
            var name = transform(python)
            if used.contains(name) {
                let trailing = String(python.reversed().prefix { $0 == "_" })
                name += trailing.isEmpty ? "_" : trailing
                while used.contains(name) { name += "_" }
            }
            used.insert(name)
            result[python] = name
        }
        return result
    }

    /// A type name that is neither a Swift keyword nor a name generated code relies on: `Type` → `Type_`.
    static func typeName(_ python: String) -> String {
        let name = upperCamel(python)
        return keywords.contains(name) || name == "RemoteCalls" ? name + "_" : name
    }
}
