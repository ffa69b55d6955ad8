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
        default: return "extension \(member.rendered): \(protocolName) {}"
        }
    }
}
