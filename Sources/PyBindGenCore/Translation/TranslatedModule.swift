/// The Swift shape of a module, ready to render: the translator's output, the renderer's input.
struct TranslatedModule {
    var pythonName: String
    var swiftName: String
    var doc: String?
    var references: [CallableReference] = []
    var functions: [TranslatedFunction] = []
    var constants: [TranslatedConstant] = []
    var classes: [TranslatedClass] = []
}

/// A `static let` holding a looked-up Python object.
struct CallableReference {
    var swiftName: String
    var path: [String]
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

    /// The part of the signature that must be unique in its scope.
    var signatureKey: String {
        let labels = parameters.map {
            "\($0.label):\($0.type.text)\($0.isOptional ? "?" : "")\($0.isVariadic ? "..." : "")"
        }
        return
            "\(kind == .method || kind == .callAsFunction ? "i" : "s") \(swiftName)(\(labels.joined(separator: ",")))"
    }

    var isFullyTyped: Bool { !result.isDynamic && !parameters.contains { $0.type.isDynamic } }
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

    enum Special { case attribute, length }
}
