/// Python's operator dunders as Swift operators (or named methods: `floorDivided(by:)`, `raised(to:)`).
extension Translator {
    /// Swift operators (or named methods) for one dunder of a class.
    mutating func operators(
        for operation: FunctionDescription, in cls: ClassDescription, className: String
    ) -> [TranslatedFunction] {
        let selfType = types.classType(cls.name) ?? .wrapper(namespace: swiftName, name: className, arguments: [])
        var result: [TranslatedFunction] = []
        for signature in operation.overloads {
            let parameters = signature.parameters.filter { $0.kind != .varKeyword && $0.kind != .varPositional }
            var returns = types.resultType(signature.returns)
            if let binary = Self.binaryOperators[operation.name], parameters.count >= 1 {
                if ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"].contains(operation.name) {
                    returns = .bool
                }
                // `b: int | Fraction` gives one operator per member of the union.
                for rhsType in parameters[0].type.unionMembers {
                    var rhs = types.swiftType(rhsType, topLevelParameter: false)
                    if ["__eq__", "__ne__"].contains(operation.name) && rhs.isDynamic { rhs = selfType }
                    guard !rhs.isDynamic, returns != .void else { continue }
                    result.append(
                        TranslatedFunction(
                            kind: .binaryOperator, swiftName: binary.symbol, pythonName: operation.name,
                            doc: ["`\(cls.name).\(operation.name)`."],
                            parameters: [
                                .operand("lhs", selfType), .operand("rhs", rhs),
                            ], result: returns, callee: .operation(binary.operation), passesSelf: false))
                }
            } else if let prefix = Self.prefixOperators[operation.name], parameters.isEmpty {
                result.append(
                    TranslatedFunction(
                        kind: .prefixOperator, swiftName: prefix.symbol, pythonName: operation.name,
                        doc: ["`\(cls.name).\(operation.name)`."],
                        parameters: [
                            .operand("operand", selfType)
                        ], result: returns, callee: .operation(prefix.operation), passesSelf: false))
            } else if let named = Self.namedOperators[operation.name], parameters.count >= 1 {
                let rhs = types.swiftType(parameters[0].type, topLevelParameter: false)
                guard !rhs.isDynamic else { continue }
                result.append(
                    TranslatedFunction(
                        kind: .method, swiftName: named.name, pythonName: operation.name,
                        doc: ["`\(cls.name).\(operation.name)`."],
                        parameters: [
                            .operand("other", rhs, label: named.label)
                        ], result: returns, callee: .operation(named.operation), passesSelf: true))
            }
        }
        return result
    }
}

extension TranslatedParameter {
    /// A required positional operand.
    static func operand(_ name: String, _ type: SwiftType, label: String? = nil) -> TranslatedParameter {
        TranslatedParameter(
            label: label ?? name, name: name, type: type, isOptional: false, isVariadic: false, passing: .positional)
    }
}
