/// Turns a ``ModuleDescription`` into the Swift shape of its bindings, per the naming and type contract.
struct Translator {
    let description: ModuleDescription
    /// The type translator; while a generic class is translated, with that class in scope.
    var types: TypeTranslator
    let hierarchy: ClassHierarchy
    let swiftName: String
    /// What the translator had to leave out, for the summary.
    var skipped: [SkippedName] = []

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
        var types = TypeTranslator(
            namespace: swiftName, classNames: Self.classNames(of: self.description), otherModules: otherModules)
        hierarchy = ClassHierarchy(self.description, namespace: swiftName, swiftNames: types.classNames)
        types.hierarchy = hierarchy
        types.genericClasses = Self.genericClasses(of: self.description)
        types.literalNames = LiteralEnum.names(
            for: Self.literals(of: self.description), taken: Set(types.classNames.values))
        let typedDicts = Self.typedDicts(of: self.description)
        types.typedDictDefinitions = typedDicts
        types.typedDictNames = TypedDictStruct.names(
            for: typedDicts, taken: Set(types.classNames.values).union(types.literalNames.values))
        self.types = types
    }

    /// Python class name (and alias) → Swift class name: unique in the module's namespace after camel-casing
    /// (`expr` and `Expr` → `Expr_` and `Expr`).
    static func classNames(of description: ModuleDescription) -> [String: String] {
        // A `TypedDict` class of the module is its struct, not a wrapper class.
        let typedDictClasses = Set(
            typedDicts(of: description).values.compactMap { type -> String? in
                guard case .typedDict(let name, let module, _) = type, module == description.module else { return nil }
                return name
            })
        let wrapped = description.classes.map(\.name).filter {
            isWrapperClass($0, module: description.module) && Naming.isRepresentable($0)
                && !typedDictClasses.contains($0)
        }
        let aliases = (description.classAliases ?? []).filter {
            wrapped.contains($0.target) && Naming.isRepresentable($0.name)
        }.map(\.name)
        return Naming.uniqueNames(wrapped + aliases, transform: Naming.typeName)
    }

    /// The classes whose type variables become Swift generic parameters (`class Counter(dict[_T, int])` →
    /// `Counter<T>`), by Python name, with those variables in order: wrapped classes with no wrapped base and no
    /// subclass among the module's classes (a Swift subclass would have to restate its base's arguments, and an override
    /// its base's generic signature). In any other class a type variable is open (`PythonObject`).
    static func genericClasses(of description: ModuleDescription) -> [String: [String]] {
        let wrapped = classNames(of: description)
        let subclassed = Set(description.classes.flatMap(\.bases))
        var result: [String: [String]] = [:]
        for cls in description.classes {
            guard let parameters = cls.typeParameters, !parameters.isEmpty,
                cls.bases.allSatisfy({ wrapped[$0] == nil }),
                !subclassed.contains(cls.name), wrapped[cls.name] != nil,
                parameters.allSatisfy(Naming.isRepresentable),
                Set(parameters.map(TypeTranslator.genericName)).count == parameters.count
            else { continue }
            result[cls.name] = parameters
        }
        return result
    }

    /// Every type the module's API states (parameters, results, attributes, constants).
    static func statedTypes(of description: ModuleDescription) -> [PythonType] {
        var found: [PythonType] = []
        func add(_ signatures: [SignatureDescription]) {
            for signature in signatures {
                found += signature.parameters.map(\.type)
                found.append(signature.returns)
            }
        }
        for function in description.functions { add(function.overloads) }
        found += description.constants.map(\.type)
        for cls in description.classes {
            add(cls.constructor ?? [])
            for member in cls.methods + cls.classMethods + cls.operators + cls.protocols { add(member.overloads) }
            found += cls.properties.map(\.type)
            if let iteration = cls.iteration { found.append(iteration) }
        }
        return found
    }

    /// Every `Literal[…]` type the module's API states.
    static func literals(of description: ModuleDescription) -> Set<PythonType> {
        statedTypes(of: description).reduce(into: []) { $0.formUnion($1.literals) }
    }

    /// Every `TypedDict` the module's API states, by key.
    static func typedDicts(of description: ModuleDescription) -> [String: PythonType] {
        statedTypes(of: description).reduce(into: [:]) { $0.merge($1.typedDicts) { first, _ in first } }
    }

    static func isWrapperClass(_ name: String, module: String) -> Bool {
        !(module == "builtins" && (valueClasses[name] != nil || machineryClasses.contains(name)))
    }

    mutating func translate() -> TranslatedModule {
        var module = TranslatedModule(pythonName: description.module, swiftName: swiftName, doc: description.doc)
        var keys: Set<SignatureKey> = []
        // Functions and constants share the namespace with the classes and enumerations: a name that camel-cases
        // like one of those (sympy's function `Symbol`-style names) gets the suffix the class keeps its own name.
        let valueNames = Naming.uniqueNames(
            (description.functions.map(\.name) + description.constants.map(\.name)).filter(Naming.isRepresentable),
            taken: Set(["on"]).union(types.classNames.values).union(types.literalNames.values),
            transform: Naming.lowerCamel)
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
        var scopes: [String: InheritedScope] = [:]
        for cls in hierarchy.ordered() {
            if let translated = translateClass(cls, subclassed: subclassed, scopes: &scopes) {
                module.classes.append(translated)
            }
        }
        module.unions = module.declaredUnions()
        module.valueUnions = module.declaredValueUnions()
        module.typedDicts = module.declaredTypedDicts()
        module.literals = types.literalNames.map { type, name in
            guard case .literal(let values, _) = type else { fatalError("not a literal") }
            return LiteralEnum(namespace: swiftName, name: name, values: values)
        }.sorted { $0.name < $1.name }
        return module
    }

    mutating func representable(_ name: String, owner: String?) -> Bool {
        if Naming.isRepresentable(name) { return true }
        let qualified = owner.map { "\($0).\(name)" } ?? name
        skipped.append(SkippedName(name: qualified, reason: "not a Swift identifier"))
        return false
    }
}
