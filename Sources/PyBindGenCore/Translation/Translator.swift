/// Turns a ``ModuleDescription`` into the Swift shape of its bindings, per the naming and type contract.
struct Translator {
    let description: ModuleDescription
    let types: TypeTranslator
    let swiftName: String
    /// What the translator had to leave out, for the summary.
    private(set) var skipped: [SkippedName] = []

    /// Builtin classes that are Swift values: `PyBuiltins.int(…)` returns `Swift.Int`.
    static let valueClasses: [String: SwiftType] = [
        "int": .int, "float": .double, "str": .string, "bool": .bool, "bytes": .bytes,
        "list": .array(.object(.open)), "tuple": .array(.object(.open)), "dict": .object(.open),
        "set": .object(.open), "frozenset": .object(.open),
    ]
    /// Builtin classes that are interpreter machinery rather than useful wrappers.
    static let machineryClasses: Set<String> = ["object", "type", "super", "property", "staticmethod", "classmethod"]

    static let binaryOperators: [String: (symbol: String, operation: String)] = [
        "__add__": ("+", "add"), "__sub__": ("-", "subtract"), "__mul__": ("*", "multiply"),
        "__truediv__": ("/", "trueDivide"), "__mod__": ("%", "remainder"), "__and__": ("&", "and"),
        "__or__": ("|", "or"), "__xor__": ("^", "xor"), "__lshift__": ("<<", "leftShift"),
        "__rshift__": (">>", "rightShift"), "__lt__": ("<", "less"), "__le__": ("<=", "lessOrEqual"),
        "__gt__": (">", "greater"), "__ge__": (">=", "greaterOrEqual"), "__eq__": ("==", "equal"),
        "__ne__": ("!=", "notEqual"),
    ]
    static let prefixOperators: [String: (symbol: String, operation: String)] = [
        "__neg__": ("-", "negative"), "__pos__": ("+", "positive"), "__invert__": ("~", "invert"),
    ]
    static let namedOperators: [String: (name: String, label: String, operation: String)] = [
        "__floordiv__": ("floorDivided", "by", "floorDivide"), "__pow__": ("raised", "to", "power"),
    ]

    /// - Parameters:
    ///   - description: The module.
    ///   - otherModules: The wrapper classes of the other modules of the run that this module may name (they are
    ///     generated into the same Swift target).
    init(_ description: ModuleDescription, otherModules: RunClasses = RunClasses()) {
        self.description = TypeRules(otherModules: otherModules, module: description).applied(to: description)
        swiftName = Naming.moduleName(description.module)
        types = TypeTranslator(
            namespace: swiftName, classNames: Self.classNames(of: self.description), otherModules: otherModules)
    }

    /// Python class name (and alias) → Swift class name: unique in the module's namespace after camel-casing
    /// (`expr` and `Expr` → `Expr_` and `Expr`).
    static func classNames(of description: ModuleDescription) -> [String: String] {
        let wrapped = description.classes.map(\.name).filter { isWrapperClass($0, module: description.module) }
        let aliases = (description.classAliases ?? []).filter { wrapped.contains($0.target) }.map(\.name)
        return Naming.uniqueNames(wrapped + aliases, transform: Naming.typeName)
    }

    static func isWrapperClass(_ name: String, module: String) -> Bool {
        !(module == "builtins" && (valueClasses[name] != nil || machineryClasses.contains(name)))
    }

    mutating func translate() -> TranslatedModule {
        var module = TranslatedModule(pythonName: description.module, swiftName: swiftName, doc: description.doc)
        var keys: Set<SignatureKey> = []
        let valueNames = Naming.uniqueNames(
            (description.functions.map(\.name) + description.constants.map(\.name)).filter(Naming.isRepresentable),
            taken: ["on"], transform: Naming.lowerCamel)
        for alias in description.classAliases ?? [] {
            guard let name = types.classNames[alias.name], let target = types.classNames[alias.target] else { continue }
            module.aliases.append((name, target, alias.target))
        }
        for function in description.functions {
            guard representable(function.name, owner: nil) else { continue }
            let name = valueNames[function.name] ?? Naming.lowerCamel(function.name)
            let reference = "_py_" + function.name
            module.references.append(CallableReference(swiftName: reference, path: [function.name]))
            for translated in functions(
                for: function, swiftName: name, kind: .staticFunction, callee: .reference(reference))
            {
                if keys.insert(translated.signatureKey).inserted { module.functions.append(translated) }
            }
        }
        for cls in description.classes where description.module == "builtins" && Self.valueClasses[cls.name] != nil {
            let reference = "_" + cls.name + "_type"
            module.references.append(CallableReference(swiftName: reference, path: [cls.name]))
            let function = FunctionDescription(
                name: cls.name, doc: cls.doc, overloads: cls.constructor ?? [], typeSource: "stub")
            for var translated in functions(
                for: function, swiftName: cls.name, kind: .staticFunction, callee: .reference(reference))
            {
                translated.result = Self.valueClasses[cls.name]!
                if keys.insert(translated.signatureKey).inserted { module.functions.append(translated) }
            }
        }
        for constant in description.constants where representable(constant.name, owner: nil) {
            module.constants.append(
                TranslatedConstant(
                    swiftName: Naming.escaped(valueNames[constant.name] ?? Naming.lowerCamel(constant.name)),
                    pythonName: constant.name,
                    type: types.resultType(constant.type) == .void ? .lostObject : types.resultType(constant.type)))
        }
        let subclassed = Set(description.classes.flatMap(\.bases))
        var inherited: [String: [SignatureKey: TranslatedFunction]] = [:]
        var inheritedProperties: [String: [String: SwiftType]] = [:]
        var inheritedSubscripts: [String: [SwiftType: SwiftType]] = [:]
        var inheritedIteration: [String: (name: String, element: SwiftType)] = [:]
        var inheritedNames: [String: [String: String]] = [:]
        for cls in orderedClasses() {
            guard let className = types.classNames[cls.name] else {
                if description.module == "builtins", Self.machineryClasses.contains(cls.name) {
                    skipped.append(SkippedName(name: cls.name, reason: "interpreter machinery; use PythonObject"))
                }
                continue
            }
            let base = cls.bases.first.flatMap { types.classNames[$0] }
            var translated = TranslatedClass(
                swiftName: className, pythonName: cls.name, doc: cls.doc, superclass: base,
                isFinal: !subclassed.contains(cls.name))
            let ancestorMembers = cls.bases.first.flatMap { inherited[$0] } ?? [:]
            let ancestorProperties = cls.bases.first.flatMap { inheritedProperties[$0] } ?? [:]
            var ownMembers = ancestorMembers
            var ownProperties = ancestorProperties
            // Member names: inherited ones keep their Swift name (so overrides line up), new ones are made unique.
            let ancestorNames = cls.bases.first.flatMap { inheritedNames[$0] } ?? [:]
            let newNames = (cls.methods + cls.classMethods).map(\.name) + cls.properties.map(\.name)
            var names = ancestorNames
            names.merge(
                Naming.uniqueNames(
                    newNames.filter { ancestorNames[$0] == nil && Naming.isRepresentable($0) },
                    taken: Set(ancestorNames.values).union(Naming.reservedMembers).union(["count"]),
                    transform: Naming.lowerCamel)
            ) { old, _ in old }
            inheritedNames[cls.name] = names
            func memberName(_ python: String) -> String { names[python] ?? self.memberName(python) }
            let ancestorPropertyNames = Set(ancestorProperties.keys)
            let ancestorMethodNames = Set(ancestorMembers.values.map(\.swiftName))
            var keys: Set<SignatureKey> = []
            func add(_ function: TranslatedFunction) {
                var function = function
                if ancestorPropertyNames.contains(function.swiftName) { return }
                if let ancestor = ancestorMembers[function.overrideKey] {
                    guard
                        function.canOverride(
                            ancestor, covariantResult: .wrapper(namespace: swiftName, name: className),
                            isSuperclass: isSuperclass)
                    else {
                        skipped.append(
                            SkippedName(
                                name: "\(cls.name).\(function.pythonName)",
                                reason: "conflicts with the inherited \(function.swiftName) of another type"))
                        return
                    }
                    guard function.kind != .binaryOperator, function.kind != .prefixOperator else { return }
                    function.isOverride = true
                }
                guard keys.insert(function.signatureKey).inserted else { return }
                ownMembers[function.overrideKey] = function
                translated.members.append(function)
            }
            if let constructor = cls.constructor {
                let reference = "_\(className)_class"
                let function = FunctionDescription(
                    name: "__init__", doc: nil, overloads: constructor, typeSource: "stub")
                let initializers = functions(
                    for: function, swiftName: "init", kind: .initializer, callee: .reference(reference))
                if !initializers.isEmpty {
                    // A class that declares initializers inherits none.
                    ownMembers = ownMembers.filter { $0.value.kind != .initializer }
                }
                for var initializer in initializers where keys.insert(initializer.signatureKey).inserted {
                    if let ancestor = ancestorMembers[initializer.overrideKey] {
                        guard
                            initializer.canOverride(
                                ancestor, covariantResult: initializer.result, isSuperclass: isSuperclass)
                        else { continue }
                        initializer.isOverride = true
                    }
                    ownMembers[initializer.overrideKey] = initializer
                    translated.members.append(initializer)
                    translated.hasInitializer = true
                }
            }
            for method in (cls.methods + cls.protocols.filter { $0.name == "__call__" })
            where representable(method.name, owner: cls.name) || method.name == "__call__" {
                let isCall = method.name == "__call__"
                let name = isCall ? "callAsFunction" : memberName(method.name)
                let reference = "_py_\(cls.name)_\(method.name)"
                translated.references.append(
                    CallableReference(swiftName: reference, path: [method.name], isMemberName: true))
                for function in functions(
                    for: method, swiftName: name, kind: isCall ? .callAsFunction : .method,
                    callee: .reference(reference),
                    passesSelf: true)
                {
                    add(function)
                }
            }
            for method in cls.classMethods where representable(method.name, owner: cls.name) {
                let reference = "_py_\(cls.name)_\(method.name)"
                translated.references.append(CallableReference(swiftName: reference, path: [cls.name, method.name]))
                for function in functions(
                    for: method, swiftName: memberName(method.name), kind: .classFunction,
                    callee: .reference(reference))
                {
                    add(function)
                }
            }
            for operation in cls.operators { operators(for: operation, in: cls, className: className).forEach(add) }
            for property in cls.properties where representable(property.name, owner: cls.name) {
                let name = memberName(property.name)
                if ancestorMethodNames.contains(name) || translated.members.contains(where: { $0.swiftName == name }) {
                    continue
                }
                var type = types.resultType(property.type)
                if type == .void { type = .lostObject }
                if let existing = ancestorProperties[name] {
                    if existing != type {
                        skipped.append(
                            SkippedName(
                                name: "\(cls.name).\(property.name)", reason: "conflicts with an inherited property"))
                        continue
                    }
                }
                var translatedProperty = TranslatedProperty(
                    swiftName: name, pythonName: property.name, type: type, doc: property.doc)
                translatedProperty.isOverride = ancestorProperties[name] != nil
                translatedProperty.reference = "_py_\(cls.name)_\(property.name)"
                translated.references.append(
                    CallableReference(
                        swiftName: translatedProperty.reference!, path: [property.name], isMemberName: true))
                ownProperties[name] = type
                translated.properties.append(translatedProperty)
            }
            if cls.protocols.contains(where: { $0.name == "__len__" }), ancestorProperties["count"] == nil {
                translated.properties.append(
                    TranslatedProperty(
                        swiftName: "count", pythonName: "__len__",
                        type: .int, doc: "`len(self)`.", special: .length))
                ownProperties["count"] = .int
            }
            // `__getitem__` → a throwing subscript per key type (a key type Python does not type is skipped when
            // a typed one exists; an inherited subscript with another result type is skipped).
            let ancestorSubscripts = cls.bases.first.flatMap { inheritedSubscripts[$0] } ?? [:]
            var ownSubscripts = ancestorSubscripts
            for overload in cls.protocols.first(where: { $0.name == "__getitem__" })?.overloads ?? [] {
                guard let keyParameter = overload.parameters.first(where: { $0.kind != .varKeyword }) else { continue }
                let key = types.swiftType(keyParameter.type, topLevelParameter: false)
                var result = types.resultType(overload.returns)
                if result.needsItemConversion || result == .void { result = .object(.open) }
                if let existing = ancestorSubscripts[key], existing != result { continue }
                guard !translated.subscripts.contains(where: { $0.key == key }) else { continue }
                translated.subscripts.append(
                    TranslatedSubscript(key: key, result: result, isOverride: ancestorSubscripts[key] != nil))
                ownSubscripts[key] = result
            }
            if translated.subscripts.contains(where: { !$0.key.isDynamic }) {
                for item in translated.subscripts where item.key.isDynamic && !item.isOverride {
                    ownSubscripts[item.key] = nil
                }
                translated.subscripts.removeAll { $0.key.isDynamic && !$0.isOverride }
            }
            // `__iter__` → `elements()`, all items converted (named `iteratedElements()` if Python uses the name).
            var ownIteration = cls.bases.first.flatMap { inheritedIteration[$0] }
            if let item = cls.iteration {
                let element = types.resultType(item)
                let memberNames = Set(translated.members.map(\.swiftName) + ancestorMembers.values.map(\.swiftName))
                let name = memberNames.contains("elements") ? "iteratedElements" : "elements"
                if let inheritedIteration = ownIteration {
                    if inheritedIteration.element == element && inheritedIteration.name == name {
                        translated.iteration = (name, element, true)
                    }
                } else if !element.needsItemConversion && element != .void {
                    translated.iteration = (name, element, false)
                    ownIteration = (name, element)
                }
            }
            inherited[cls.name] = ownMembers
            inheritedProperties[cls.name] = ownProperties
            inheritedSubscripts[cls.name] = ownSubscripts
            inheritedIteration[cls.name] = ownIteration
            module.classes.append(translated)
        }
        return module
    }

    /// The nearest class of this module that both wrapper types derive from (`floating` and `complexfloating` →
    /// `inexact`), or nil.
    private func commonSuperclass(_ first: SwiftType, _ second: SwiftType) -> SwiftType? {
        guard let (namespace, name) = first.wrapperClass, namespace == swiftName else { return nil }
        var candidate = description.classes.first { types.classNames[$0.name] == name }
        var visited: Set<String> = []
        while let cls = candidate, visited.insert(cls.name).inserted {
            let ancestor = SwiftType.wrapper(namespace: swiftName, name: types.classNames[cls.name] ?? "")
            if isSuperclass(ancestor, second) { return ancestor }
            candidate = cls.bases.first.flatMap { base in description.classes.first { $0.name == base } }
        }
        return nil
    }

    /// Whether the Swift type `ancestor` is `type` or one of its superclasses (classes of this module).
    private func isSuperclass(_ ancestor: SwiftType, _ type: SwiftType) -> Bool {
        guard let (ancestorNamespace, ancestorName) = ancestor.wrapperClass, ancestorNamespace == swiftName,
            let (namespace, name) = type.wrapperClass, namespace == swiftName
        else { return ancestor == type }
        let byName = Dictionary(
            description.classes.compactMap { cls in types.classNames[cls.name].map { ($0, cls) } },
            uniquingKeysWith: { first, _ in first })
        var current = byName[name]
        var visited: Set<String> = []
        while let cls = current, visited.insert(cls.name).inserted {
            if types.classNames[cls.name] == ancestorName { return true }
            current = cls.bases.first.flatMap { base in description.classes.first { $0.name == base } }
        }
        return false
    }

    /// Classes ordered so that every base comes before its subclasses, otherwise by name.
    private func orderedClasses() -> [ClassDescription] {
        var ordered: [ClassDescription] = []
        var placed: Set<String> = []
        var remaining = description.classes
        while !remaining.isEmpty {
            let before = remaining.count
            remaining.removeAll { cls in
                let ready = cls.bases.allSatisfy {
                    placed.contains($0) || !description.classes.map(\.name).contains($0)
                }
                if ready {
                    ordered.append(cls)
                    placed.insert(cls.name)
                }
                return ready
            }
            if remaining.count == before {
                ordered += remaining
                break
            }
        }
        return ordered
    }

    private func memberName(_ python: String) -> String {
        let name = Naming.lowerCamel(python)
        return Naming.reservedMembers.contains(name) || name == "count" ? name + "_" : name
    }

    private mutating func representable(_ name: String, owner: String?) -> Bool {
        if Naming.isRepresentable(name) { return true }
        let qualified = owner.map { "\($0).\(name)" } ?? name
        skipped.append(SkippedName(name: qualified, reason: "not a Swift identifier"))
        return false
    }

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
    private func functions(
        for function: FunctionDescription, swiftName: String, kind: TranslatedFunction.Kind, callee: Callee,
        passesSelf: Bool = false
    ) -> [TranslatedFunction] {
        var result: [TranslatedFunction] = []
        var docLines = (function.doc ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
            // Nested unions are spread only without sibling overloads: typeshed's last, catch-all overload
            // (`str | bytes` for an `AnyStr`) would otherwise repeat the earlier ones' signatures with a vaguer result.
            generic.spreadsNestedUnions = function.overloads.count == 1
            for parameters in parameterVariants(signature.parameters, types: generic) {
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
        for function in result {
            if let index = merged[function.signatureKey] {
                if unique[index].result != function.result {
                    unique[index].result =
                        commonSuperclass(unique[index].result, function.result)
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

    /// Parameter lists for one signature: a list per combination of union members (at most a few).
    private func parameterVariants(_ parameters: [ParameterDescription], types: TypeTranslator)
        -> [[TranslatedParameter]]
    {
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
                let type = types.swiftType(parameter.type, topLevelParameter: false)
                options = [
                    TranslatedParameter(
                        label: "_", name: name, type: type, isOptional: false, isVariadic: true, passing: .variadic)
                ]
            case .varKeyword:
                let type = types.swiftType(parameter.type, topLevelParameter: false)
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
                options = types.parameterTypes(parameter.type).enumerated().map { index, type in
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
            variants = next.count > 8 ? variants.map { $0 + [options[0]] } : next
        }
        return variants
    }

    /// Swift operators (or named methods) for one dunder of a class.
    private mutating func operators(
        for operation: FunctionDescription, in cls: ClassDescription, className: String
    ) -> [TranslatedFunction] {
        let selfType = SwiftType.wrapper(namespace: swiftName, name: className)
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
                                TranslatedParameter(
                                    label: "lhs", name: "lhs", type: selfType, isOptional: false, isVariadic: false,
                                    passing: .positional),
                                TranslatedParameter(
                                    label: "rhs", name: "rhs", type: rhs, isOptional: false, isVariadic: false,
                                    passing: .positional),
                            ], result: returns, callee: .operation(binary.operation), passesSelf: false))
                }
            } else if let prefix = Self.prefixOperators[operation.name], parameters.isEmpty {
                result.append(
                    TranslatedFunction(
                        kind: .prefixOperator, swiftName: prefix.symbol, pythonName: operation.name,
                        doc: ["`\(cls.name).\(operation.name)`."],
                        parameters: [
                            TranslatedParameter(
                                label: "operand", name: "operand", type: selfType, isOptional: false, isVariadic: false,
                                passing: .positional)
                        ], result: returns, callee: .operation(prefix.operation), passesSelf: false))
            } else if let named = Self.namedOperators[operation.name], parameters.count >= 1 {
                let rhs = types.swiftType(parameters[0].type, topLevelParameter: false)
                guard !rhs.isDynamic else { continue }
                result.append(
                    TranslatedFunction(
                        kind: .method, swiftName: named.name, pythonName: operation.name,
                        doc: ["`\(cls.name).\(operation.name)`."],
                        parameters: [
                            TranslatedParameter(
                                label: named.label, name: "other", type: rhs, isOptional: false, isVariadic: false,
                                passing: .positional)
                        ], result: returns, callee: .operation(named.operation), passesSelf: true))
            }
        }
        return result
    }
}
