/// How much of what Python states reaches Swift, for the summary.
extension Translator {
    /// Type-slot fidelity: of the parameter and result types the source states (not `Any`, `object` or another
    /// open type), how many reach Swift as concrete types.
    func typeSlotFidelity() -> (concrete: Int, stated: Int) {
        var concrete = 0
        var stated = 0
        func count(_ type: PythonType, isParameter: Bool, variables: Set<String>) {
            if case .object(_, isOpen: true) = type { return }
            var translator = types
            translator.genericParameters = variables
            let mapped = isParameter ? translator.parameterTypes(type) : [translator.resultType(type)]
            stated += 1
            if !mapped.contains(where: \.lostPrecision) { concrete += 1 }
        }
        func count(_ signatures: [SignatureDescription]) {
            for signature in signatures {
                let variables = Set(signature.parameters.flatMap(\.type.typeVariables))
                for (index, parameter) in signature.parameters.enumerated() {
                    if Self.isOmittedNone(parameter, followedBy: signature.parameters[(index + 1)...]) {
                        // Stated as `None` and honoured exactly: the parameter is never sent.
                        stated += 1
                        concrete += 1
                        continue
                    }
                    count(parameter.type, isParameter: true, variables: variables)
                }
                count(signature.returns, isParameter: false, variables: variables)
            }
        }
        for function in description.functions { count(function.overloads) }
        for cls in description.classes {
            count(cls.constructor ?? [])
            for member in cls.methods + cls.classMethods { count(member.overloads) }
            for property in cls.properties { count(property.type, isParameter: false, variables: []) }
        }
        return (concrete, stated)
    }
}
