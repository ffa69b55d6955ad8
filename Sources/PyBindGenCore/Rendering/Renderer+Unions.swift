/// The union protocols a module declares for its parameters (`PyRequests.ResponseOrString`) and the
/// conformances of exactly their members.
extension Renderer {
    /// `public protocol ResponseOrString: PythonRuntime.ConvertibleToPython {}` inside the module's namespace.
    func unionProtocol(_ union: ArgumentUnion, module: TranslatedModule) {
        documentation([
            "A value for a `\(module.pythonName)` parameter that takes any of: "
                + union.members.map { "`\($0.rendered)`" }.joined(separator: ", ") + ".",
            "",
            "Exactly those types conform, so a call with any other type does not compile.",
        ])
        emit("public protocol \(union.name): PythonRuntime.ConvertibleToPython {}")
    }

    /// `public enum OpenTextMode: Swift.String, PythonRuntime.PythonLiteral { case r = "r" … }`.
    func literalEnum(_ literal: LiteralEnum, module: TranslatedModule) {
        let values = literal.values.map { value -> String in
            switch value {
            case .string(let text): return self.literal(text)
            case .int(let number): return "\(number)"
            }
        }
        documentation([
            "The values a `\(module.pythonName)` parameter or result of type `Literal[\(values.joined(separator: ", "))]` takes.",
            "",
            "Converts to its raw value; a value Python returns that is none of the cases is a `PythonError`.",
        ])
        emit(
            "public enum \(literal.name): \(literal.isText ? "Swift.String" : "Swift.Int"), PythonRuntime.PythonLiteral {"
        )
        indented {
            for (name, value) in zip(literal.caseNames, values) { emit("case \(Naming.escaped(name)) = \(value)") }
        }
        emit("}")
    }

    /// `public enum StringOrBytesValue { case string(Swift.String) … }` with both conversions: reading tries the
    /// members in order (see ``ValueUnion``).
    func valueUnion(_ union: ValueUnion, module: TranslatedModule) {
        let cases = Array(zip(union.caseNames.map(Naming.escaped), union.members))
        documentation([
            "A `\(module.pythonName)` value that is one of: "
                + union.members.map { "`\($0.rendered)`" }.joined(separator: ", ") + ".",
            "",
            "Read from Python by trying the members in this order (`bool` before `int`); the first that accepts the",
            "value is the case.",
        ])
        emit(
            "public enum \(union.name): PythonRuntime.ConvertibleFromPython, PythonRuntime.ConvertibleToPython, "
                + "Swift.CustomStringConvertible {")
        indented {
            for (name, member) in cases { emit("case \(name)(\(member.rendered))") }
            emit("")
            emit("/// Reads the first member that accepts the object.")
            emit("/// - Throws: `PythonError` if none does.")
            emit(
                "public init(pythonReference object: PythonRuntime.PyObjectPointer) throws(PythonRuntime.PythonError) {"
            )
            indented {
                for (name, member) in cases {
                    emit("if let value = try? \(member.rendered)(pythonReference: object) {")
                    indented {
                        emit("self = .\(name)(value)")
                        emit("return")
                    }
                    emit("}")
                }
                emit(
                    "throw PythonRuntime.PythonError.conversionFailure(expected: \(literal(union.members.map(\.rendered).joined(separator: " | "))), got: object)"
                )
            }
            emit("}")
            emit("")
            emit("/// The member's Python value.")
            emit("public func pythonReference() throws(PythonRuntime.PythonError) -> PythonRuntime.PyObjectPointer {")
            indented {
                emit("switch self {")
                for (name, _) in cases { emit("case .\(name)(let value): return try value.pythonReference()") }
                emit("}")
            }
            emit("}")
            emit("")
            emit("/// The member's own description.")
            emit("public var description: Swift.String {")
            indented {
                emit("switch self {")
                for (name, _) in cases { emit("case .\(name)(let value): return \"\\(value)\"") }
                emit("}")
            }
            emit("}")
        }
        emit("}")
    }

    /// One `extension` per member of each declared union.
    func unionConformances(_ module: TranslatedModule) {
        for union in module.unions {
            emit("")
            for member in union.members {
                emit(conformance(of: member, to: "\(union.namespace).\(union.name)"))
            }
        }
    }

    /// `extension Swift.Array: P where Element == Swift.UInt8 {}` and the like: a generic member conforms
    /// under the same-type requirements that make it the member.
    private func conformance(of member: SwiftType, to protocolName: String) -> String {
        switch member {
        case .bytes: return "extension Swift.Array: \(protocolName) where Element == Swift.UInt8 {}"
        case .array(let item): return "extension Swift.Array: \(protocolName) where Element == \(item.rendered) {}"
        case .set(let item): return "extension Swift.Set: \(protocolName) where Element == \(item.rendered) {}"
        case .dictionary(let key, let value):
            return
                "extension Swift.Dictionary: \(protocolName) where Key == \(key.rendered), Value == \(value.rendered) {}"
        case .optional(let wrapped):
            return "extension Swift.Optional: \(protocolName) where Wrapped == \(wrapped.rendered) {}"
        case .literal(let literal):
            return "extension \(literal.namespace).\(literal.name): \(protocolName) {}"
        case .complex: return "extension ComplexModule.Complex: \(protocolName) where RealType == Swift.Double {}"
        case .wrapper(let namespace, let name, _):
            // A generic class conforms whatever its arguments.
            return "extension \(namespace).\(name): \(protocolName) {}"
        default: return "extension \(member.rendered): \(protocolName) {}"
        }
    }
}
