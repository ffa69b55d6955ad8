extension SwiftType {
    /// The type as written in generated code (fully qualified, so no user or Python name can shadow it).
    var rendered: String {
        switch self {
        case .void: return "Swift.Void"
        case .int: return "Swift.Int"
        case .double: return "Swift.Double"
        case .string: return "Swift.String"
        case .bool: return "Swift.Bool"
        case .bytes: return "[Swift.UInt8]"
        case .complex: return "ComplexModule.Complex<Swift.Double>"
        case .array(let item): return "[\(item.rendered)]"
        case .set(let item): return "Swift.Set<\(item.rendered)>"
        case .dictionary(let key, let value): return "[\(key.rendered): \(value.rendered)]"
        case .optional(let wrapped): return wrapped.rendered + "?"
        case .tuple(let items): return "(" + items.map(\.rendered).joined(separator: ", ") + ")"
        case .iterator(let item): return "PythonRuntime.TypedPythonIterator<\(item.rendered)>"
        case .asyncSequence(let item): return "PythonRuntime.PythonAsyncSequence<\(item.rendered)>"
        case .wrapper(let namespace, let name, let arguments):
            return "\(namespace).\(name)" + Self.renderedArguments(arguments)
        case .remoteHandle(let namespace, let name, let arguments):
            return "\(namespace).\(name)\(Self.renderedArguments(arguments)).Remote"
        case .generic(let pythonName), .classParameter(let pythonName): return TypeTranslator.genericName(pythonName)
        case .items(let item): return "some PythonRuntime.IterableArgument<\(item.rendered)>"
        case .closure(let parameters, let result, let isAsync):
            let inputs = parameters.map(\.rendered).joined(separator: ", ")
            return isAsync
                ? "(@Sendable (\(inputs)) async throws -> \(result.rendered))"
                : "((\(inputs)) throws -> \(result.rendered))"
        case .object: return "PythonRuntime.PythonObject"
        case .someConvertible: return "some PythonRuntime.ConvertibleToPython"
        case .anyConvertibleArgument: return "(any PythonRuntime.ConvertibleToPython)"
        case .anyConvertible: return "any PythonRuntime.ConvertibleToPython"
        case .literal(let literal): return "\(literal.namespace).\(literal.name)"
        case .valueUnion(let union): return "\(union.namespace).\(union.name)"
        case .typedDict(let typedDict): return "\(typedDict.namespace).\(typedDict.name)"
        case .slice: return "some PythonRuntime.PythonSliceExpression"
        case .union(let union, let isExistential):
            return isExistential ? "(any \(union.namespace).\(union.name))" : "some \(union.namespace).\(union.name)"
        }
    }

    /// `<A, B>` for a generic class's type arguments, or nothing.
    static func renderedArguments(_ arguments: [SwiftType]) -> String {
        arguments.isEmpty ? "" : "<" + arguments.map(\.rendered).joined(separator: ", ") + ">"
    }
}
