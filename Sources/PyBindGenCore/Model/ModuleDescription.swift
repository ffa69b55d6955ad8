import Foundation

/// What introspection found in one Python module: the intermediate form between introspection and translation,
/// versioned and dumped as JSON by `pybindgen --dump-description`.
public struct ModuleDescription: Codable, Sendable, Equatable {
    /// The version of the format this pybindgen reads and writes.
    public static let currentSchemaVersion = 5

    /// The version of this format.
    public var schemaVersion: Int
    /// The dotted module name.
    public var module: String
    /// The interpreter's version, e.g. `3.11.2`.
    public var pythonVersion: String
    /// Where the types came from (stubs through mypy, or runtime signatures only, and why).
    public var typeSource: String
    /// The module docstring.
    public var doc: String?
    public var functions: [FunctionDescription]
    public var classes: [ClassDescription]
    public var constants: [ConstantDescription]
    /// Other public names of generated classes (`numpy.double` is `numpy.float64`), written as type aliases.
    public var classAliases: [ClassAlias]?
    /// Names that exist at run time but are not generated, with the reason.
    public var skipped: [SkippedName]
    /// Differences between the stubs and the running module.
    public var drift: [Drift]
}

/// A function or method: one signature per stub overload.
public struct FunctionDescription: Codable, Sendable, Equatable {
    public var name: String
    public var doc: String?
    public var overloads: [SignatureDescription]
    /// `stub` when the types came from stubs, `runtime` otherwise.
    public var typeSource: String
}

/// Parameters and result of one overload.
public struct SignatureDescription: Codable, Sendable, Equatable {
    public var parameters: [ParameterDescription]
    public var returns: PythonType
}

/// One parameter, with its real default value when it has one.
public struct ParameterDescription: Codable, Sendable, Equatable {
    public var name: String
    public var kind: ParameterKind
    public var type: PythonType
    public var `default`: DefaultValue?
}

/// How a parameter is passed.
public enum ParameterKind: String, Codable, Sendable {
    case positional, positionalOrKeyword, keyword, varPositional, varKeyword
}

/// A default value as Python shows it.
public struct DefaultValue: Codable, Sendable, Equatable {
    /// `repr()` of the default.
    public var repr: String
    /// Whether the value is a plain literal (None, bool, int, float, str, bytes).
    public var representable: Bool
}

/// A class of the module.
public struct ClassDescription: Codable, Sendable, Equatable {
    public var name: String
    public var doc: String?
    /// The base class, when it is a class of the same module.
    public var bases: [String]
    public var constructor: [SignatureDescription]?
    public var methods: [FunctionDescription]
    public var classMethods: [FunctionDescription]
    public var properties: [PropertyDescription]
    public var operators: [FunctionDescription]
    public var protocols: [FunctionDescription]
    /// The item type of `__iter__`, when the stubs give one.
    public var iteration: PythonType?
    /// The full names the class is known by (where it is defined at run time, and in the stubs), which
    /// references from other modules use.
    public var fullNames: [String]?
    /// The type variables the class is generic over (`_T` of `class Counter(dict[_T, int])`), which its members
    /// state as ``PythonType/classParameter(_:)``; nil or empty for a class that is not generic.
    public var typeParameters: [String]?
    /// Whether the module does not export the class but its API refers to it (a class of its own package):
    /// generated so the references are typed, unless another module of the same Swift target generates it.
    public var referenced: Bool?
}

extension ClassDescription {
    /// The class with every type its members state rewritten by `transform`.
    public func mappingTypes(_ transform: (PythonType) -> PythonType) -> ClassDescription {
        func signatures(_ list: [SignatureDescription]) -> [SignatureDescription] {
            list.map { signature in
                var signature = signature
                for index in signature.parameters.indices {
                    signature.parameters[index].type = transform(signature.parameters[index].type)
                }
                signature.returns = transform(signature.returns)
                return signature
            }
        }
        func functions(_ list: [FunctionDescription]) -> [FunctionDescription] {
            list.map { function in
                var function = function
                function.overloads = signatures(function.overloads)
                return function
            }
        }
        var cls = self
        cls.constructor = constructor.map(signatures)
        cls.methods = functions(methods)
        cls.classMethods = functions(classMethods)
        cls.operators = functions(operators)
        cls.protocols = functions(protocols)
        cls.properties = properties.map { property in
            var property = property
            property.type = transform(property.type)
            return property
        }
        cls.iteration = iteration.map(transform)
        return cls
    }
}

/// A read-only attribute of instances.
public struct PropertyDescription: Codable, Sendable, Equatable {
    public var name: String
    public var type: PythonType
    public var doc: String?
}

/// Another public name of a generated class.
public struct ClassAlias: Codable, Sendable, Equatable {
    /// The alias, e.g. `double`.
    public var name: String
    /// The class it names, e.g. `float64`.
    public var target: String
}

/// A module-level value such as `math.pi`.
public struct ConstantDescription: Codable, Sendable, Equatable {
    public var name: String
    public var type: PythonType
    public var doc: String?
}

/// A name that exists but is not generated.
public struct SkippedName: Codable, Sendable, Equatable {
    public var name: String
    public var reason: String
}

/// A name present in only one of the stubs and the running module.
public struct Drift: Codable, Sendable, Equatable {
    public var name: String
    public var detail: String
}

extension ModuleDescription {
    /// Reads a description written by introspection or `--dump-description`.
    /// - Throws: ``GeneratorError`` with code `introspection-failed` if the JSON is not a description, or was
    ///   written in another schema version than ``currentSchemaVersion`` (regenerate it with this pybindgen).
    public static func decode(json: String, module: String) throws -> ModuleDescription {
        struct Version: Decodable { var schemaVersion: Int? }
        let data = Data(json.utf8)
        let version = try? JSONDecoder().decode(Version.self, from: data)
        if let found = version?.schemaVersion, found != currentSchemaVersion {
            throw GeneratorError(
                .introspectionFailed,
                "the description of '\(module)' is schema \(found); this pybindgen reads schema \(currentSchemaVersion) "
                    + "(regenerate it with this pybindgen)")
        }
        do {
            return try JSONDecoder().decode(ModuleDescription.self, from: data)
        } catch {
            throw GeneratorError(.introspectionFailed, "cannot read the description of '\(module)': \(error)")
        }
    }
}
