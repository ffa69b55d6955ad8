/// Maps pybindgen's type language to Swift types, per the type-mapping contract.
struct TypeTranslator {
    /// The namespace enum that holds the module's classes, e.g. `PyDatetime`.
    var namespace: String
    /// Python class name → Swift class name, for the module's own classes.
    var classNames: [String: String]
    /// Whether tuples may appear inside collections and optionals (results only: they are converted item by
    /// item; a parameter with a nested tuple is dynamic).
    var allowsNestedTuples = false
    /// The wrapper classes of the other modules of the run whose classes can be named from this one (those
    /// generated into the same Swift target), by full name.
    var otherModules = RunClasses()
    /// Python type variables that may become generic parameters (those a required parameter mentions); any
    /// other type variable is dynamic.
    var genericParameters: Set<String> = []
    /// Whether a union nested in a parameter's type (a dict's values, a list's items, an optional) becomes its
    /// first member Swift can type: every value of that member is a valid argument for the whole union, so the
    /// parameter is typed instead of `any ConvertibleToPython`. Only for parameters (not variadic ones); results
    /// and closures keep the whole union (dynamic).
    var narrowsNestedUnions = false

    /// The Swift names of the module's typed dicts (``TypedDictStruct``), by key, and their definitions.
    var typedDictNames: [String: String] = [:]
    var typedDictDefinitions: [String: PythonType] = [:]
    /// The typed dicts whose fields are being translated: a field that refers back to one is dynamic (a Swift
    /// struct cannot contain itself).
    var typedDictsInProgress: Set<String> = []

    /// The Swift names of the module's literal types (``LiteralEnum``).
    var literalNames: [PythonType: String] = [:]

    /// The module's generic classes (see ``Translator/genericClasses(of:)``): Python name → type variables.
    var genericClasses: [String: [String]] = [:]
    /// The class whose members are being translated, when it is generic: its Python name and type variables,
    /// which are in scope as ``SwiftType/classParameter(pythonName:)``.
    var enclosingClass: (name: String, parameters: [String])?

    /// The module's classes, for the subclass questions a union's members raise (set once the class names are
    /// known).
    var hierarchy: ClassHierarchy?

    /// This translator for parameters.
    private var forArguments: TypeTranslator {
        var copy = self
        copy.narrowsNestedUnions = true
        return copy
    }

    /// The Swift name of the generic parameter for a Python type variable: `_T` → `T`, `_KT` → `KT`, and
    /// without the variance suffix Swift has no use for: `_T_co` → `T`.
    static func genericName(_ python: String) -> String {
        var stem = python
        for suffix in ["_co", "_contra"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 1 {
            stem = String(stem.dropLast(suffix.count))
        }
        let name = Naming.upperCamel(stem)
        let needsPrefix = name.isEmpty || name.first?.isNumber == true || Naming.keywords.contains(name)
        return needsPrefix ? "T" + name : name
    }

    /// The constraint every generic parameter gets: the runtime's conversion protocols.
    static let genericConstraint = "PythonRuntime.ConvertibleToPython & PythonRuntime.ConvertibleFromPython"

    /// The Swift types a parameter of this type accepts: one type, or for a union one ``ArgumentUnion`` that
    /// every member conforms to (also for an optional union: the parameter's default, or `nil`, stands for
    /// `None`). Members Swift cannot type, and a second member of a generic type that already conforms (`[UInt8]`
    /// and `[PythonObject]` are both `Array`), are accepted as `PythonObject` (precision lost). A closure member
    /// of a required parameter keeps a declaration of its own (`re.sub(repl:)` takes a Swift closure); of an
    /// optional one it travels as a `PythonObject` too, so the signature stays one declaration.
    func parameterTypes(_ type: PythonType, isOptional: Bool = false) -> [SwiftType] {
        guard narrowsNestedUnions else { return forArguments.parameterTypes(type, isOptional: isOptional) }
        if case .optional(let inner) = type, case .union = inner {
            return parameterTypes(inner, isOptional: isOptional)
        }
        guard case .union(let members) = type else { return [swiftType(type, topLevelParameter: true)] }
        // `int | (str | bytes)` is `int | str | bytes` (one union takes them all); repeated members dropped.
        func spread(_ members: [PythonType]) -> [PythonType] {
            members.flatMap { member -> [PythonType] in
                if case .union(let nested) = member { return spread(nested) }
                return [member]
            }
        }
        var seen: Set<SwiftType> = []
        let mapped = spread(members).map { swiftType($0, topLevelParameter: true) }.filter { seen.insert($0).inserted }
        return unionParameterTypes(mapped, isOptional: isOptional)
    }

    /// The parameter types for a union's mapped members: see ``parameterTypes(_:isOptional:)``.
    func unionParameterTypes(_ mapped: [SwiftType], isOptional: Bool) -> [SwiftType] {
        var seen: Set<SwiftType> = []
        let mapped = mapped.map(\.openingClassParameters).filter { seen.insert($0).inserted }
        var conforming: [SwiftType] = []
        var separate: [SwiftType] = []
        var asObject: [SwiftType] = []
        var foreignNamespaces: Set<String> = []
        // Per generic head (`Array`, `Dictionary`…) the first member without `PythonObject` inside conforms.
        var preferred: [String: SwiftType] = [:]
        for member in mapped {
            guard let head = ArgumentUnion.conformingHead(of: member) else { continue }
            if preferred[head] == nil || (preferred[head]!.isDynamic && !member.isDynamic) { preferred[head] = member }
        }
        for member in mapped {
            switch member {
            case .someConvertible(let precision), .anyConvertibleArgument(let precision):
                asObject.append(.object(precision))
                continue
            case .closure where !isOptional:
                separate.append(member)
                continue
            default: break
            }
            guard let head = ArgumentUnion.conformingHead(of: member), preferred[head] == member else {
                asObject.append(member)
                continue
            }
            if let (memberNamespace, _) = member.wrapperClass {
                // A subclass conforms through its superclass (stating it again would be a redundant conformance).
                if conforming.contains(where: { isSuperclass($0, member) }) { continue }
                if memberNamespace == namespace {
                    conforming.removeAll { isSuperclass(member, $0) }
                } else if !foreignNamespaces.insert(memberNamespace).inserted {
                    // Another module's class hierarchy is not known here: one class of it per union.
                    asObject.append(member)
                    continue
                }
            }
            conforming.append(member)
        }
        if !asObject.isEmpty {
            // Open when every such member is itself open (`list[Any]` as a `PythonObject`), else lost.
            let isLost = asObject.contains { !$0.isDynamic || $0.lostPrecision }
            conforming.append(.object(SwiftType.Precision(isLost: isLost)))
        }
        let taken = Set(classNames.values).union(literalNames.values)
        let union = ArgumentUnion(members: conforming, namespace: namespace, taken: taken).map {
            SwiftType.union($0, isExistential: false)
        }
        let first =
            union ?? conforming.first.map { $0.isDynamic ? .someConvertible($0.lostPrecision ? .lost : .open) : $0 }
        return (first.map { [$0] } ?? []) + separate
    }

    /// Whether the wrapper type `ancestor` is `type` or one of its superclasses in this module.
    private func isSuperclass(_ ancestor: SwiftType, _ type: SwiftType) -> Bool {
        hierarchy?.isSuperclass(ancestor, type) ?? (ancestor == type)
    }

    /// The Swift type of a result (for an awaitable, of what awaiting it gives: see ``awaitsResult(_:)``).
    func resultType(_ type: PythonType) -> SwiftType {
        switch type {
        case .none: return .void
        case .awaitable(.awaitable): return .lostObject
        case .awaitable(let inner): return resultType(inner)
        default:
            var results = self
            results.allowsNestedTuples = true
            return results.swiftType(type, topLevelParameter: false)
        }
    }

    /// Whether a result is awaited: Python returns an awaitable (a coroutine), the Swift function is `async`.
    static func awaitsResult(_ type: PythonType) -> Bool {
        if case .awaitable = type { return true }
        return false
    }

    /// `(A, B, …)` converted with `tuple(of:)`; an element that is itself a tuple (or holds one) is dynamic.
    private func tupleType(_ items: [PythonType]) -> SwiftType {
        // `tuple[()]`: always empty.
        guard !items.isEmpty else { return .array(.object(.open)) }
        return .tuple(
            items.map { item in
                let element = swiftType(item, topLevelParameter: false)
                return element.needsItemConversion ? element.asObject : element
            })
    }

    /// The Swift type for a Python type in a parameter (`topLevelParameter`: the parameter's own type, not a
    /// type inside it) or inside a result.
    func swiftType(_ type: PythonType, topLevelParameter: Bool) -> SwiftType {
        func inner(_ type: PythonType) -> SwiftType { swiftType(type, topLevelParameter: false) }
        let dynamic = topLevelParameter ? SwiftType.someConvertible(.lost) : .lostObject
        switch type {
        case .int: return .int
        case .float: return .double
        case .str: return .string
        case .bool: return .bool
        case .bytes: return .bytes
        case .complex: return .complex
        case .object(_, let isOpen):
            let precision = SwiftType.Precision(isLost: isOpen != true)
            return topLevelParameter ? .someConvertible(precision) : .object(precision)
        case .union(let members) where narrowsNestedUnions && !topLevelParameter:
            // Inside a parameter's container: the first member Swift can type (see `narrowsNestedUnions`); `bool`
            // only when no `int` is offered, since every bool is an int in Python (`bool | int` → `Int`). A
            // literal counts as its values' type here (`Iterable[bool | Literal[0, 1, …]]` → `[Int]`).
            let members = members.map { member -> PythonType in
                guard case .literal(let values, _) = member else { return member }
                if case .int = values.first { return .int }
                return .str
            }
            let hasInt = members.contains(.int)
            for member in members where !(hasInt && member == .bool) {
                let mapped = inner(member)
                if !mapped.isDynamic, !mapped.needsItemConversion { return mapped }
            }
            return dynamic
        case .literal(let values, _):
            if let name = literalNames[type] {
                return .literal(LiteralEnum(namespace: namespace, name: name, values: values))
            }
            if case .int = values.first { return .int }
            return .string
        case .typedDict(let name, let module, _):
            let key = TypedDictStruct.key(name: name, module: module)
            guard let swiftName = typedDictNames[key], !typedDictsInProgress.contains(key),
                case .typedDict(_, _, let fields)? = typedDictDefinitions[key]
            else { return dynamic }
            var values = self
            values.narrowsNestedUnions = false
            values.allowsNestedTuples = false
            values.typedDictsInProgress.insert(key)
            let names = Naming.uniqueNames(fields.map(\.name), transform: Naming.lowerCamel)
            let translated = fields.map { field -> TypedDictStruct.Field in
                var type = values.swiftType(field.type, topLevelParameter: false)
                if type.needsItemConversion || type.isClosure { type = type.asObject }
                return TypedDictStruct.Field(
                    swiftName: names[field.name] ?? field.name, pythonName: field.name, type: type,
                    isRequired: field.isRequired)
            }
            // The struct is declared in the namespace, where no generic parameter is in scope.
            guard translated.allSatisfy({ $0.type.typeVariables.isEmpty && !$0.type.hasClassParameter }) else {
                return dynamic
            }
            return .typedDict(
                TypedDictStruct(
                    namespace: namespace, name: swiftName, pythonName: (module.map { $0 + "." } ?? "") + name,
                    fields: translated))
        case .union(let members) where !topLevelParameter:
            // A value Python gives (a result, an attribute, a closure's argument): one case per member.
            var mapped: [SwiftType] = []
            for member in members.map({ inner($0).openingClassParameters }) where !mapped.contains(member) {
                mapped.append(member)
            }
            if mapped.count == 1 { return mapped[0] }
            let taken = Set(classNames.values).union(literalNames.values)
            guard let union = ValueUnion(members: mapped, namespace: namespace, taken: taken) else { return dynamic }
            return .valueUnion(union)
        case .typeVariable(let name, _) where genericParameters.contains(name):
            return .generic(pythonName: name)
        case .classParameter(let name):
            // Another class's type variable (or one of a class that is not generic in Swift) is open.
            guard enclosingClass?.parameters.contains(name) == true else {
                return topLevelParameter ? .someConvertible(.open) : .object(.open)
            }
            return .classParameter(pythonName: name)
        case .sequence(let item):
            // Only the enclosing class's items stay a sequence (see `TypeRules`): `[T]`, or a `String` too
            // where the instance's items are text.
            let element = inner(item)
            return topLevelParameter && element.hasClassParameter ? .items(element) : .array(element)
        case .list(let item):
            return .array(inner(item))
        case .set(let item):
            let element = inner(item)
            guard element.isHashable, !element.needsItemConversion else { return dynamic }
            return .set(element)
        case .dict(let keyType, let valueType):
            let key = inner(keyType)
            guard key.isHashable, !key.needsItemConversion else { return dynamic }
            return .dictionary(key: key, value: inner(valueType))
        case .callable(let parameters, let result) where topLevelParameter:
            return closureType(parameters: parameters, result: result)
        case .optional(.callable(let parameters, let result)) where topLevelParameter:
            // `Callable[…] | None = None` → `((A) throws -> R)? = nil`.
            return closureType(parameters: parameters, result: result)
        case .optional(let wrappedType):
            let wrapped = inner(wrappedType)
            guard !wrapped.isDynamic else {
                let precision = SwiftType.Precision(isLost: wrapped.lostPrecision)
                return topLevelParameter ? .someConvertible(precision) : .object(precision)
            }
            return .optional(wrapped)
        case .iterator(let item) where allowsNestedTuples:
            // A result read lazily: `Iterator[T]` → `TypedPythonIterator<T>`.
            let element = inner(item)
            return .iterator(element.needsItemConversion ? element.asObject : element)
        case .asyncIterator(let item) where allowsNestedTuples:
            // A result iterated with `for try await`: `AsyncIterator[T]` → `PythonAsyncSequence<T>`.
            let element = inner(item)
            return .asyncSequence(element.needsItemConversion ? element.asObject : element)
        case .tuple(let items) where allowsNestedTuples:
            return tupleType(items)
        case .class("slice", "builtins", _) where topLevelParameter:
            return .slice
        case .class("slice", nil, _) where topLevelParameter && namespace == "PyBuiltins":
            return .slice
        case .class(let name, let module?, let arguments):
            guard let wrapper = otherModules.wrappers[module + "." + name] else { return dynamic }
            return .wrapper(
                namespace: wrapper.namespace, name: wrapper.name,
                arguments: typeArguments(arguments, parameters: wrapper.typeParameters, isEnclosing: false))
        case .class(let name, nil, let arguments):
            guard let swiftName = classNames[name] else { return dynamic }
            return .wrapper(
                namespace: namespace, name: swiftName,
                arguments: typeArguments(
                    arguments, parameters: genericClasses[name] ?? [], isEnclosing: enclosingClass?.name == name))
        default:
            return dynamic
        }
    }

    /// The Swift type of the module's class `name` inside its own declaration (`PyCollections.Counter<T>`), or nil
    /// when it is not wrapped.
    func classType(_ name: String) -> SwiftType? {
        guard let swiftName = classNames[name] else { return nil }
        return .wrapper(
            namespace: namespace, name: swiftName,
            arguments: (genericClasses[name] ?? []).map { .classParameter(pythonName: $0) })
    }

    /// A generic class's Swift type arguments for the Python ones: each as Swift types it (`Counter[str]` →
    /// `Counter<Swift.String>`), `PythonObject` where it cannot be one; unstated (`Counter` alone) they are the
    /// class's own parameters inside its declaration (`Self`), else `PythonObject` (Python's `Counter[Any]`).
    private func typeArguments(_ arguments: [PythonType], parameters: [String], isEnclosing: Bool) -> [SwiftType] {
        guard !parameters.isEmpty else { return [] }
        guard arguments.count == parameters.count else {
            return parameters.map { isEnclosing ? .classParameter(pythonName: $0) : .object(.open) }
        }
        var values = self
        values.narrowsNestedUnions = false
        values.allowsNestedTuples = false
        return arguments.map { argument in
            let type = values.swiftType(argument, topLevelParameter: false)
            return type.isGenericArgument ? type : .object(SwiftType.Precision(isLost: type.lostPrecision))
        }
    }

    /// `((A, B) throws -> R)`: parameters Python passes in (converted from Python), a result Python receives
    /// (`any ConvertibleToPython` where Swift cannot type it, `Void` for `None`).
    private func closureType(parameters: [PythonType], result: PythonType) -> SwiftType {
        // A closure's types keep their whole unions (narrowing its result would make overloads that differ only
        // there collide).
        var whole = self
        whole.narrowsNestedUnions = false
        var inputs = parameters.map { whole.swiftType($0, topLevelParameter: false) }
        // `Callable[[A], Awaitable[R]]`: an async Swift closure, its arguments sent into a Swift task.
        var returned = result
        var isAsync = false
        if case .awaitable(let awaited) = result {
            returned = awaited
            isAsync = true
            inputs = inputs.map { input in
                if case .valueUnion = input { return input.asObject }
                return input.isDynamic || input.needsItemConversion ? input.asObject : input
            }
        }
        var output = returned == .none ? SwiftType.void : whole.swiftType(returned, topLevelParameter: false)
        if output.isDynamic || output.needsItemConversion {
            output = isAsync ? .lostObject : .anyConvertible(SwiftType.Precision(isLost: output.lostPrecision))
        }
        return .closure(parameters: inputs, result: output, isAsync: isAsync)
    }
}
