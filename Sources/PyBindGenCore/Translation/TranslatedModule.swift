/// The Swift shape of a module, ready to render: the translator's output, the renderer's input.
struct TranslatedModule {
    var pythonName: String
    var swiftName: String
    var doc: String?
    /// What the bindings were generated against (`nil`: nothing to record or check).
    var origin: BindingOrigin?
    var references: [CallableReference] = []
    var functions: [TranslatedFunction] = []
    var constants: [TranslatedConstant] = []
    var classes: [TranslatedClass] = []
    /// `typealias` declarations: (Swift name, target Swift name, target Python name).
    var aliases: [(name: String, target: String, pythonTarget: String)] = []
    /// The union protocols the module's parameters take that the module declares (not the shared ones of
    /// PythonRuntime), by name.
    var unions: [ArgumentUnion] = []
    /// The enumerations of the module's `Literal[…]` types, by name.
    var literals: [LiteralEnum] = []

    /// The enumerations of the module's union results (and attributes, and closure arguments), by name.
    var valueUnions: [ValueUnion] = []
    /// The structs of the module's `TypedDict`s, by name.
    var typedDicts: [TypedDictStruct] = []

    /// Every type the module's declarations use, with the types inside them.
    private func allTypes() -> [SwiftType] {
        var types: [SwiftType] = []
        func visit(_ type: SwiftType) {
            types.append(type)
            type.children.forEach(visit)
        }
        for function in functions + classes.flatMap(\.members) {
            function.parameters.forEach { visit($0.type) }
            visit(function.result)
        }
        for cls in classes {
            cls.subscripts.forEach {
                visit($0.key)
                visit($0.result)
            }
            cls.properties.forEach { visit($0.type) }
            if let iteration = cls.iteration { visit(iteration.element) }
        }
        constants.forEach { visit($0.type) }
        return types
    }

    /// Every module-specific union a parameter takes, once, ordered by name (what ``unions`` holds).
    func declaredUnions() -> [ArgumentUnion] {
        var found: [String: ArgumentUnion] = [:]
        for type in allTypes() {
            if let union = type.argumentUnion, union.namespace == swiftName { found[union.name] = union }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    /// Every typed dict the module uses, once, ordered by name (what ``typedDicts`` holds).
    func declaredTypedDicts() -> [TypedDictStruct] {
        var found: [String: TypedDictStruct] = [:]
        for type in allTypes() { if case .typedDict(let typedDict) = type { found[typedDict.name] = typedDict } }
        return found.keys.sorted().map { found[$0]! }
    }

    /// Every value union the module uses, once, ordered by name (what ``valueUnions`` holds).
    func declaredValueUnions() -> [ValueUnion] {
        var found: [String: ValueUnion] = [:]
        for type in allTypes() { if case .valueUnion(let union) = type { found[union.name] = union } }
        return found.keys.sorted().map { found[$0]! }
    }
}

/// What must be unique about a function in its scope, as Swift compares signatures.
struct SignatureKey: Hashable {
    struct Parameter: Hashable {
        var label: String
        var type: SwiftType
        var isVariadic: Bool
    }

    /// Instance members and static members are separate scopes.
    var isInstanceMember: Bool
    var name: String
    var genericCount: Int
    var parameters: [Parameter]
}

/// A `static let` holding a looked-up Python object.
struct CallableReference {
    var swiftName: String
    var path: [String]
    /// A method or attribute name (`PythonMemberName`, looked up on each object) rather than an object looked up
    /// once (`PythonCallableReference`).
    var isMemberName = false
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
    /// What the function calls.
    var callee: Callee
    /// Whether the wrapped instance is passed first (methods call the unbound function).
    var passesSelf: Bool
    var isOverride = false
    /// Generic parameters (from Python type variables), by Swift name.
    var genericParameters: [String] = []

    /// Whether the function is `async` and awaits the awaitable (a coroutine) Python returns; ``result`` is then
    /// the type of what awaiting gives.
    var awaitsResult = false

    /// The part of the signature that must be unique in its scope: labels and parameter types as Swift sees them
    /// (`x: Int?` and `x: Int? = nil` are the same), with generic parameters numbered by first use.
    var signatureKey: SignatureKey {
        var order: [String] = []
        for name in parameters.flatMap(\.effectiveType.genericsInOrder) where !order.contains(name) {
            order.append(name)
        }
        return SignatureKey(
            isInstanceMember: kind == .method || kind == .callAsFunction, name: swiftName,
            genericCount: genericParameters.count,
            parameters: parameters.map { parameter in
                let type = parameter.effectiveType.renamingGenerics { name in
                    order.firstIndex(of: name).map { "τ\($0)" } ?? name
                }
                return SignatureKey.Parameter(label: parameter.label, type: type, isVariadic: parameter.isVariadic)
            })
    }

    /// ``signatureKey`` without optionality and with every wrapper class alike: Swift matches an override whose
    /// parameters are optional versions (`f(x: Int? = nil)` overrides `f(x: Int)`) or superclasses of the
    /// overridden one's.
    var overrideKey: SignatureKey {
        var key = signatureKey
        for index in key.parameters.indices { key.parameters[index].type = key.parameters[index].type.overrideShape }
        return key
    }

    /// Whether this function may override `ancestor` (same override key): each parameter type is the ancestor's,
    /// its optional, or a superclass of it (`isSuperclass(own, inherited)`), and the result is the ancestor's or
    /// `covariantResult` when that is a subclass of the ancestor's.
    func canOverride(
        _ ancestor: TranslatedFunction, covariantResult: SwiftType, isSuperclass: (SwiftType, SwiftType) -> Bool
    ) -> Bool {
        guard parameters.count == ancestor.parameters.count, genericParameters == ancestor.genericParameters else {
            return false
        }
        let widens = zip(parameters, ancestor.parameters).allSatisfy { own, inherited in
            let (ownType, inheritedType) = (own.effectiveType, inherited.effectiveType)
            if ownType == inheritedType || ownType == .optional(inheritedType) { return true }
            let (ownIsOptional, inheritedIsOptional) = (
                ownType != ownType.unwrapped, inheritedType != inheritedType.unwrapped
            )
            return (ownIsOptional || !inheritedIsOptional) && isSuperclass(ownType.unwrapped, inheritedType.unwrapped)
        }
        let covariant = result == covariantResult && isSuperclass(ancestor.result, result)
        return widens && (result == ancestor.result || covariant)
    }

    /// Whether every type Python states reaches Swift (`PythonObject` only where Python says `Any`/`object`).
    var isFullyTyped: Bool { !result.lostPrecision && !parameters.contains { $0.type.lostPrecision } }

    /// Whether the signature has no `PythonObject` at all.
    var hasNoPythonObject: Bool { !result.isDynamic && !parameters.contains { $0.type.isDynamic } }
}

/// What a generated function calls.
enum Callee: Equatable {
    /// A looked-up Python object or member name (`_py_sqrt`), relative to the function's scope.
    case reference(String)
    /// A case of the runtime's `PythonBinaryOperator` or `PythonUnaryOperator` (`add`, `negative`): operators,
    /// and named operators such as `floorDivided(by:)`.
    case operation(String)

    /// The reference's name, for ``reference(_:)``.
    var reference: String? {
        if case .reference(let name) = self { return name }
        return nil
    }

    /// The operator case, for ``operation(_:)``.
    var operation: String? {
        if case .operation(let name) = self { return name }
        return nil
    }
}

/// One Swift parameter and how its value travels to Python.
struct TranslatedParameter {
    enum Passing: Equatable { case positional, keyword(String), variadic, keywordDictionary }

    var label: String
    var name: String
    var type: SwiftType
    var isOptional: Bool
    var isVariadic: Bool
    var passing: Passing
    var defaultDescription: String?

    /// The type as declared: optional parameters (`= nil`) are optionals.
    var effectiveType: SwiftType { isOptional ? type.optionalized : type }
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
    /// The Python type variables of a generic class (`_T` of `Counter(dict[_T, int])`), which are its Swift
    /// generic parameters (`Counter<T>`); empty for other classes.
    var typeParameters: [String] = []

    /// Whether the Swift class is generic.
    var isGeneric: Bool { !typeParameters.isEmpty }

    /// The type that holds the class's looked-up references: the class itself, or for a generic class (which
    /// cannot have stored static properties) the caseless enum `_CounterMembers` beside it in the namespace.
    var referenceHolder: String { isGeneric ? "_\(swiftName)Members" : swiftName }

    /// ``referenceHolder`` as members name it: qualified by `namespace` for a generic class (so the name resolves
    /// in an extension too).
    func qualifiedReferenceHolder(namespace: String) -> String {
        isGeneric ? "\(namespace).\(referenceHolder)" : swiftName
    }

    /// The type arguments an initializer of a generic class makes its instance with, when the stub states them
    /// (`self: Counter[str]`, `__new__(…) -> product[tuple[_T1]]`, a tuple being `PythonObject`): it is declared
    /// only where the parameters are those (`extension Counter where T == Swift.String`). Nil for the others.
    /// Overloads that Swift sees as one but that make different arguments (`combinations(iterable, r: 2)` and
    /// `r: 3`, merged) make `PythonObject` ones, and so does a method's own type variable in an argument
    /// (`combinations[tuple[_T, ...]]` is a `Combinations<[PythonObject]>`).
    func fixedArguments(of function: TranslatedFunction) -> [SwiftType]? {
        guard isGeneric, function.kind == .initializer else { return nil }
        guard case .wrapper(_, _, let arguments) = function.result, arguments.count == typeParameters.count else {
            return typeParameters.map { _ in .object(.open) }
        }
        guard !arguments.contains(where: \.hasClassParameter) else { return nil }
        return arguments.map { argument in
            argument.rewritten { type in
                if case .generic = type { return .object(.open) }
                return nil
            }
        }
    }

    /// The initializers of a generic class grouped by the arguments they are declared for: those with
    /// ``fixedArguments(of:)``, and ``initializersWithOpenParameters`` for `PythonObject` (each signature once).
    var constrainedInitializers: [(arguments: [SwiftType], initializers: [TranslatedFunction])] {
        guard isGeneric else { return [] }
        var groups: [(arguments: [SwiftType], initializers: [TranslatedFunction])] = []
        func add(_ function: TranslatedFunction, for arguments: [SwiftType]) {
            if let index = groups.firstIndex(where: { $0.arguments == arguments }) {
                guard !groups[index].initializers.contains(where: { $0.signatureKey == function.signatureKey })
                else { return }
                groups[index].initializers.append(function)
            } else {
                groups.append((arguments, [function]))
            }
        }
        for function in members {
            if let arguments = fixedArguments(of: function) { add(function, for: arguments) }
        }
        let open = typeParameters.map { _ in SwiftType.object(.open) }
        for function in initializersWithOpenParameters { add(function, for: open) }
        return groups
    }

    /// The initializers from whose required arguments Swift cannot infer every generic parameter (`Counter()`,
    /// `zip(a, b)`): rendered again where the parameters are `PythonObject` (see `Renderer.openInitializers`).
    /// One is left out where an initializer that does fix them takes the same required labels: a call could then
    /// match both (`Counter("abc")` is `init(_ iterable:)` with `T == String`, not `init(_ mapping:)`).
    var initializersWithOpenParameters: [TranslatedFunction] {
        guard isGeneric else { return [] }
        func requiredLabels(_ function: TranslatedFunction) -> [String] {
            function.parameters.filter { !$0.isOptional }.map(\.label)
        }
        let initializers = members.filter { $0.kind == .initializer && fixedArguments(of: $0) == nil }
        let open = initializers.filter { function in
            let inferred = function.parameters.filter { !$0.isOptional }.reduce(into: Set<String>()) {
                $0.formUnion($1.type.classParameters)
            }
            return !Set(typeParameters).isSubset(of: inferred)
        }
        let fixingLabels = Set(
            initializers.filter { function in !open.contains { $0.signatureKey == function.signatureKey } }
                .map(requiredLabels))
        return open.filter { !fixingLabels.contains(requiredLabels($0)) }
    }

    /// The class as a type inside its own declaration: `PyCollections.Counter<T>` for a generic class.
    func selfType(namespace: String) -> SwiftType {
        .wrapper(
            namespace: namespace, name: swiftName, arguments: typeParameters.map { .classParameter(pythonName: $0) })
    }

    /// `<T: …, U: …>` declaring the generic class's parameters, or nothing.
    var genericClause: String {
        guard isGeneric else { return "" }
        return "<"
            + typeParameters.map { "\(TypeTranslator.genericName($0)): \(TypeTranslator.genericConstraint)" }
            .joined(separator: ", ") + ">"
    }
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
    /// The interned name the property reads (`_py_date_year`).
    var reference: String?

    enum Special { case attribute, length }
}
