/// One Swift function per Python overload (and per member of a parameter union), merged where Swift sees the
/// same signature.
extension Translator {
    /// Whether a parameter is left out of the Swift signature: its only value is `None` and Python defaults it to
    /// `None`, so omitting it is the only call there is (`dict.get(key)` in the overload `default: None = None`).
    /// A positional-only one stays when a positional parameter follows it (leaving it out would shift that one).
    static func isOmittedNone(_ parameter: ParameterDescription, followedBy later: ArraySlice<ParameterDescription>)
        -> Bool
    {
        guard parameter.type == .none, parameter.default != nil else { return false }
        switch parameter.kind {
        case .keyword, .positionalOrKeyword: return true
        case .positional: return !later.contains { $0.kind == .positional || $0.kind == .positionalOrKeyword }
        default: return false
        }
    }

    /// One Swift function per overload and per member of a parameter union.
    mutating func functions(
        for function: FunctionDescription, swiftName: String, kind: TranslatedFunction.Kind, callee: Callee,
        passesSelf: Bool = false
    ) -> [TranslatedFunction] {
        var result: [TranslatedFunction] = []
        var docLines = (function.doc ?? "").lines
        while docLines.last?.isEmpty == true { docLines.removeLast() }
        for signature in function.overloads {
            // Type variables become generic parameters when a required parameter mentions them (so every call can
            // infer them); otherwise they are dynamic.
            var allVariables = types
            allVariables.genericParameters = Set(
                signature.parameters.flatMap(\.type.typeVariables) + signature.returns.typeVariables)
            var generic = types
            generic.genericParameters = Set(
                signature.parameters.filter { $0.default == nil && $0.kind != .varKeyword }.flatMap {
                    allVariables.swiftType($0.type, topLevelParameter: true).typeVariables
                })
            let (variants, capped) = parameterVariants(signature.parameters, types: generic)
            if capped {
                skipped.append(
                    SkippedName(
                        name: function.name,
                        reason:
                            "more than \(Self.maximumVariants) declarations for one signature; the rest take the first type of each parameter"
                    ))
            }
            for parameters in variants {
                var used = generic.resultType(signature.returns).typeVariables
                for parameter in parameters { used.formUnion(parameter.type.typeVariables) }
                var translated = TranslatedFunction(
                    kind: kind, swiftName: Naming.escaped(swiftName), pythonName: function.name, doc: docLines,
                    parameters: parameters, result: generic.resultType(signature.returns), callee: callee,
                    passesSelf: passesSelf, genericParameters: used.map(TypeTranslator.genericName).sorted())
                translated.awaitsResult = TypeTranslator.awaitsResult(signature.returns)
                result.append(translated)
            }
        }
        // Overloads that collide after mapping are merged; if their results differ, the result is dynamic.
        var merged: [SignatureKey: Int] = [:]
        var unique: [TranslatedFunction] = []
        for function in Self.droppingSubsumed(Self.mergingByUnion(result, types: types)) {
            if let index = merged[function.signatureKey] {
                if unique[index].result != function.result {
                    unique[index].result =
                        hierarchy.commonSuperclass(unique[index].result, function.result)
                        ?? (unique[index].result == .void && function.result == .void ? .void : .lostObject)
                }
            } else {
                merged[function.signatureKey] = unique.count
                unique.append(function)
            }
        }
        // The docstring is written in full once; further overloads repeat its first paragraph only (numpy's
        // docstrings run to a hundred lines, repeated per overload they were three quarters of the file).
        let summary = Array(docLines.prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        for index in unique.indices.dropFirst() where summary.count < docLines.count {
            unique[index].doc = summary + ["", "(Another overload of `\(function.name)`; see the first for details.)"]
        }
        return unique
    }

    /// The functions with every two that differ only in one parameter's type (same labels, result and
    /// everything else) made one, whose parameter takes the union of both types: typeshed's `@overload`s of
    /// `f(x: int) -> str` and `f(x: bytes) -> str` are one `f(x: some IntOrBytes) -> String`. Overloads that
    /// differ in their result, or in more than one parameter, stay apart (a union per parameter would accept
    /// combinations Python refuses).
    static func mergingByUnion(_ functions: [TranslatedFunction], types: TypeTranslator) -> [TranslatedFunction] {
        var functions = functions
        var changed = true
        while changed {
            changed = false
            search: for first in functions.indices {
                for second in functions.indices where second > first {
                    guard let merged = mergedByUnion(functions[first], functions[second], types: types) else {
                        continue
                    }
                    functions[first] = merged
                    functions.remove(at: second)
                    changed = true
                    break search
                }
            }
        }
        return functions
    }

    /// The functions without those another one already covers: typeshed's `bisect_left(a, x, lo: int = 0, hi:
    /// int | None = None)` takes every call its sibling overload `bisect_left(a, x, lo: int, hi: int)` takes, with
    /// the same result, so the sibling adds only a declaration.
    static func droppingSubsumed(_ functions: [TranslatedFunction]) -> [TranslatedFunction] {
        var kept: [TranslatedFunction] = []
        for (index, function) in functions.enumerated() {
            let covered = functions.enumerated().contains { other in
                guard other.offset != index, subsumes(other.element, function) else { return false }
                // Two that cover each other: the first stays.
                return !subsumes(function, other.element) || other.offset < index
            }
            if !covered { kept.append(function) }
        }
        return kept
    }

    /// Whether every Swift call `specific` takes, `general` takes too, with the same result: the same labels,
    /// and each parameter the same type or its optional (omittable where `specific` requires it).
    private static func subsumes(_ general: TranslatedFunction, _ specific: TranslatedFunction) -> Bool {
        guard general.kind == specific.kind, general.swiftName == specific.swiftName, general.result == specific.result,
            general.awaitsResult == specific.awaitsResult,
            general.genericParameters.count == specific.genericParameters.count
        else { return false }
        let (wide, narrow) = (general.signatureKey, specific.signatureKey)
        guard wide.parameters.count == narrow.parameters.count else { return false }
        return zip(wide.parameters, narrow.parameters).allSatisfy { wide, narrow in
            wide.label == narrow.label && wide.isVariadic == narrow.isVariadic
                && (wide.type == narrow.type || wide.type == .optional(narrow.type))
        }
    }

    /// `first` with one parameter widened to take `second`'s type too, when that is their only difference.
    private static func mergedByUnion(_ first: TranslatedFunction, _ second: TranslatedFunction, types: TypeTranslator)
        -> TranslatedFunction?
    {
        guard first.kind == second.kind, first.swiftName == second.swiftName, first.result == second.result,
            first.awaitsResult == second.awaitsResult, first.genericParameters.isEmpty,
            second.genericParameters.isEmpty, first.parameters.count == second.parameters.count
        else { return nil }
        var differing: Int?
        for (index, (own, other)) in zip(first.parameters, second.parameters).enumerated() {
            guard own.label == other.label, own.isOptional == other.isOptional, own.isVariadic == other.isVariadic,
                own.passing == other.passing
            else { return nil }
            if own.type == other.type { continue }
            guard differing == nil else { return nil }
            differing = index
        }
        guard let index = differing else { return nil }
        let (own, other) = (first.parameters[index], second.parameters[index])
        guard own.passing != .variadic, own.passing != .keywordDictionary else { return nil }
        // A generic class's own items (`some IterableArgument<T>`, `T`) join no union: it would make them
        // `PythonObject`.
        guard !own.type.hasClassParameter, !other.type.hasClassParameter else { return nil }
        func members(_ type: SwiftType) -> [SwiftType] {
            switch type {
            case .union(let union, _): return union.members
            case .someConvertible(let precision), .anyConvertibleArgument(let precision): return [.object(precision)]
            default: return [type]
            }
        }
        let widened = types.unionParameterTypes(members(own.type) + members(other.type), isOptional: own.isOptional)
        guard widened.count == 1, var type = widened.first else { return nil }
        if own.isOptional { type = type.asOptionalArgument }
        var merged = first
        merged.parameters[index].type = type
        return merged
    }

    /// The element type of `*args` or `**kwargs`: a union is sent as `PythonObject`s (a value enum would make
    /// every argument `.int(3)`, and existentials of a union protocol do not convert as a sequence).
    static func variadicElement(_ type: SwiftType) -> SwiftType {
        if case .valueUnion = type { return type.asObject }
        return type
    }

    /// The most declarations one signature becomes (closure members of required union parameters multiply).
    static let maximumVariants = 8

    /// Parameter lists for one signature, and whether ``maximumVariants`` cut them short.
    private func parameterVariants(_ parameters: [ParameterDescription], types: TypeTranslator)
        -> (variants: [[TranslatedParameter]], capped: Bool)
    {
        var capped = false
        var variants: [[TranslatedParameter]] = [[]]
        var usedNames: Set<String> = []
        for (index, parameter) in parameters.enumerated() {
            if Self.isOmittedNone(parameter, followedBy: parameters[(index + 1)...]) { continue }
            var name = Naming.lowerCamel(parameter.name)
            while usedNames.contains(name) { name += "_" }
            usedNames.insert(name)
            let isOptional = parameter.default != nil
            var options: [TranslatedParameter] = []
            switch parameter.kind {
            case .varPositional:
                let type = Self.variadicElement(types.swiftType(parameter.type, topLevelParameter: false))
                options = [
                    TranslatedParameter(
                        label: "_", name: name, type: type, isOptional: false, isVariadic: true, passing: .variadic)
                ]
            case .varKeyword:
                let type = Self.variadicElement(types.swiftType(parameter.type, topLevelParameter: false))
                options = [
                    TranslatedParameter(
                        label: "kwargs", name: name, type: type, isOptional: true, isVariadic: false,
                        passing: .keywordDictionary)
                ]
            default:
                let passing: TranslatedParameter.Passing =
                    parameter.kind == .keyword || (parameter.kind == .positionalOrKeyword && isOptional)
                    ? .keyword(parameter.name) : .positional
                let label = parameter.kind == .positional ? "_" : name
                options = types.parameterTypes(parameter.type, isOptional: isOptional).enumerated().map { index, type in
                    var type = type
                    // An optional parameter cannot be `some …` (nothing to infer it from when omitted): it takes
                    // any convertible value instead (`seed(a: 42)`, `seed(a: "x")`, `seed()`).
                    if isOptional, type.isSomeConvertible { type = type.asOptionalArgument }
                    // Of the overloads for an optional parameter's union (`flags: int | RegexFlag = 0`), only the
                    // first may omit it; in the others it is required, so omitting it is never ambiguous.
                    return TranslatedParameter(
                        label: label, name: name, type: type, isOptional: isOptional && index == 0,
                        isVariadic: false, passing: passing,
                        defaultDescription: index == 0 ? parameter.default?.repr : nil)
                }
            }
            var next: [[TranslatedParameter]] = []
            for variant in variants { for option in options { next.append(variant + [option]) } }
            if next.count > Self.maximumVariants {
                capped = true
                variants = variants.map { $0 + [options[0]] }
            } else {
                variants = next
            }
        }
        return (variants, capped)
    }
}
