/// The Swift shape of a module, ready to render: the translator's output, the renderer's input.
struct TranslatedModule {
    var pythonName: String
    var swiftName: String
    var doc: String?
    var references: [CallableReference] = []
    var functions: [TranslatedFunction] = []
    var constants: [TranslatedConstant] = []
    var classes: [TranslatedClass] = []
    /// `typealias` declarations: (Swift name, target Swift name, target Python name).
    var aliases: [(name: String, target: String, pythonTarget: String)] = []
}

/// A `static let` holding a looked-up Python object.
struct CallableReference {
    var swiftName: String
    var path: [String]
    /// A method or attribute name (`PythonMemberName`, looked up on each object) rather than an object looked up
    /// once (`PythonCallableReference`).
    var isMemberName = false
}

/// One Swift function (or initializer, or operator) for one Python overload.
struct TranslatedFunction {
    enum Kind {
        case staticFunction, classFunction, method, initializer, callAsFunction, binaryOperator, prefixOperator
    }

    var kind: Kind
    var swiftName: String
    var pythonName: String
    var doc: [String]
    var parameters: [TranslatedParameter]
    var result: SwiftType
    /// The reference that is called (`_sqrt`), or the operator case (`add`) for operators.
    var callee: String
    /// Whether the wrapped instance is passed first (methods call the unbound function).
    var passesSelf: Bool
    var isOverride = false
    /// Generic parameters (from Python type variables), by Swift name.
    var genericParameters: [String] = []

    /// The part of the signature that must be unique in its scope: labels and parameter types as Swift sees them
    /// (`x: Int?` and `x: Int? = nil` are the same), with generic parameters numbered by first use.
    var signatureKey: String {
        var labels = parameters.map { parameter -> String in
            var type = parameter.type.text
            if parameter.isOptional, !type.hasSuffix("?") { type += "?" }
            return "\(parameter.label):\(type)\(parameter.isVariadic ? "..." : "")"
        }.joined(separator: ",")
        let ordered = genericParameters.sorted {
            (labels.range(of: $0)?.lowerBound ?? labels.endIndex)
                < (labels.range(of: $1)?.lowerBound ?? labels.endIndex)
        }
        for (index, name) in ordered.enumerated() {
            labels = labels.split(separator: ",", omittingEmptySubsequences: false).map { part in
                Self.replacingWord(name, with: "τ\(index)", in: String(part))
            }.joined(separator: ",")
        }
        let scope = kind == .method || kind == .callAsFunction ? "i" : "s"
        return "\(scope) \(swiftName)<\(genericParameters.count)>(\(labels))"
    }

    /// ``signatureKey`` without optionality and with every wrapper class alike: Swift matches an override whose
    /// parameters are optional versions (`f(x: Int? = nil)` overrides `f(x: Int)`) or superclasses of the
    /// overridden one's.
    var overrideKey: String {
        var key = ""
        var token = ""
        func flush() {
            key += token.hasPrefix("Py") && token.contains(".") && !token.hasPrefix("PythonRuntime.") ? "C" : token
            token = ""
        }
        for character in signatureKey where character != "?" {
            if character.isLetter || character.isNumber || character == "_" || character == "." {
                token.append(character)
            } else {
                flush()
                key.append(character)
            }
        }
        flush()
        return key
    }

    /// Whether this function may override `ancestor` (same override key): each parameter type is the ancestor's,
    /// its optional, or a superclass of it (`isSuperclass(own, inherited)`), and the result is the ancestor's or
    /// `covariantResult` when that is a subclass of the ancestor's.
    func canOverride(
        _ ancestor: TranslatedFunction, covariantResult: String, isSuperclass: (String, String) -> Bool
    ) -> Bool {
        guard parameters.count == ancestor.parameters.count, genericParameters == ancestor.genericParameters else {
            return false
        }
        let widens = zip(parameters, ancestor.parameters).allSatisfy { own, inherited in
            let (ownType, inheritedType) = (own.effectiveType, inherited.effectiveType)
            if ownType == inheritedType || ownType == inheritedType + "?" { return true }
            let ownClass = ownType.hasSuffix("?") ? String(ownType.dropLast()) : ownType
            let inheritedClass = inheritedType.hasSuffix("?") ? String(inheritedType.dropLast()) : inheritedType
            return (ownType.hasSuffix("?") || !inheritedType.hasSuffix("?")) && isSuperclass(ownClass, inheritedClass)
        }
        let covariant = result.text == covariantResult && isSuperclass(ancestor.result.text, result.text)
        return widens && (result == ancestor.result || covariant)
    }

    /// `text` with every whole-identifier occurrence of `word` replaced.
    private static func replacingWord(_ word: String, with replacement: String, in text: String) -> String {
        var result = ""
        var token = ""
        func flush() {
            result += token == word ? replacement : token
            token = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                token.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// Whether every type Python states reaches Swift (`PythonObject` only where Python says `Any`/`object`).
    var isFullyTyped: Bool { !result.lostPrecision && !parameters.contains { $0.type.lostPrecision } }

    /// Whether the signature has no `PythonObject` at all.
    var hasNoPythonObject: Bool { !result.isDynamic && !parameters.contains { $0.type.isDynamic } }
}

/// One Swift parameter and how its value travels to Python.
struct TranslatedParameter {
    enum Passing { case positional, keyword(String), variadic, keywordDictionary }

    var label: String
    var name: String
    var type: SwiftType
    var isOptional: Bool
    var isVariadic: Bool
    var passing: Passing
    var defaultDescription: String?

    /// The type as declared: optional parameters (`= nil`) are optionals.
    var effectiveType: String { isOptional && !type.text.hasSuffix("?") ? type.text + "?" : type.text }
}

/// A module-level value.
struct TranslatedConstant {
    var swiftName: String
    var pythonName: String
    var type: SwiftType
}

/// A wrapper class.
struct TranslatedClass {
    var swiftName: String
    var pythonName: String
    var doc: String?
    var superclass: String?
    var isFinal: Bool
    var references: [CallableReference] = []
    var members: [TranslatedFunction] = []
    var properties: [TranslatedProperty] = []
    var hasInitializer = false
    /// `self[key]` from `__getitem__`, one per key type.
    var subscripts: [TranslatedSubscript] = []
    /// `elements()` from `__iter__`: the name (clashes resolved) and the item type.
    var iteration: (name: String, element: SwiftType, isOverride: Bool)?
}

/// A read-only, throwing subscript from `__getitem__`.
struct TranslatedSubscript {
    var key: SwiftType
    var result: SwiftType
    var isOverride = false
}

/// A read-only property, `get throws`.
struct TranslatedProperty {
    var swiftName: String
    var pythonName: String
    var type: SwiftType
    var doc: String?
    var isOverride = false
    /// `count` for `__len__`, `elements()` for `__iter__`: read through a runtime helper, not an attribute.
    var special: Special = .attribute
    /// The interned name the property reads (`_py_date_year`).
    var reference: String?

    enum Special { case attribute, length }
}
