/// A Swift type chosen for a Python type.
struct SwiftType: Equatable, Sendable {
    /// The type as written in generated code.
    var text: String
    /// Whether the type is (or contains) `PythonObject` because the Python type could not be mapped.
    var isDynamic: Bool
    /// Whether the type is `Hashable` (dictionary keys, set elements).
    var isHashable: Bool
    /// Element types of a tuple result, converted with `tuple(of:)`.
    var tupleElements: [SwiftType]?
    /// How a result of this type is converted when Swift cannot do it through `ConvertibleFromPython` (a tuple,
    /// or a collection or optional of tuples); `nil` for every other type.
    var conversion: Conversion?
    /// The generic parameters (from Python type variables) the type mentions.
    var typeVariables: Set<String> = []
    /// Whether the type is a Swift closure type (a `Callable` parameter), passed as `PythonObject(callable:)`.
    var isClosure = false
    /// Whether the closure is `async` (a `Callable[…, Awaitable[T]]` parameter), passed as
    /// `PythonObject(asyncCallable:)`: Python awaits what it returns.
    var isAsyncClosure = false
    /// Whether the type is (or contains) `PythonObject` although Python states a precise type. `false` where
    /// Python itself leaves the type open (`Any`, `object`, a protocol, a generic class's type variable): there
    /// `PythonObject` is the faithful answer.
    var lostPrecision: Bool = false
    /// For a wrapper class of this run (`PyDatetime.Date`): its Swift name, so remote forms can use its `Remote`
    /// handle type instead.
    var wrapperClass: String?
    /// For a result: Python returns an awaitable (a coroutine) whose result has this type; the Swift function
    /// is `async` and awaits it.
    var awaits = false

    static let object = SwiftType(
        text: "PythonRuntime.PythonObject", isDynamic: true, isHashable: false, lostPrecision: true)
    static let anyArgument = SwiftType(
        text: "some PythonRuntime.ConvertibleToPython", isDynamic: true, isHashable: false, lostPrecision: true)

    /// `PythonObject`, keeping whether precision was lost.
    var asObject: SwiftType {
        SwiftType(text: Self.object.text, isDynamic: true, isHashable: false, lostPrecision: lostPrecision)
    }

    /// `(any ConvertibleToPython)`, for optional parameters Swift cannot type more precisely, keeping whether
    /// precision was lost.
    var asOptionalArgument: SwiftType {
        SwiftType(
            text: "(any PythonRuntime.ConvertibleToPython)", isDynamic: true, isHashable: false,
            lostPrecision: lostPrecision)
    }

    /// Types are the same Swift type when they are written alike.
    static func == (lhs: SwiftType, rhs: SwiftType) -> Bool {
        lhs.text == rhs.text && lhs.tupleElements == rhs.tupleElements
    }
    static let void = SwiftType(text: "Swift.Void", isDynamic: false, isHashable: false)

    /// Conversions of results that contain tuples (Swift tuples conform to no protocol).
    indirect enum Conversion: Equatable, Sendable {
        case tuple([SwiftType])
        case list(SwiftType)
        case dictionary(key: SwiftType, value: SwiftType)
        case optional(SwiftType)
    }
}

/// Maps pybindgen's type language to Swift types, per the type-mapping contract.
struct TypeTranslator {
    /// The namespace enum that holds the module's classes, e.g. `PyDatetime`.
    var namespace: String
    /// Python class name → Swift class name, for the module's own classes.
    var classNames: [String: String]
    /// Whether tuples may appear inside collections and optionals (results only: they are converted item by
    /// item; a parameter with a nested tuple is dynamic).
    var allowsNestedTuples = false
    /// Dotted module → (Python class name → Swift class name), for the other modules of the run whose classes
    /// can be named from this one (those generated into the same Swift target).
    var otherModules: [String: [String: String]] = [:]
    /// Python type variables that may become generic parameters (those a required parameter mentions); any
    /// other type variable is dynamic.
    var genericParameters: Set<String> = []
    /// Whether a union nested in a parameter's type (a dict's values, a list's items, an optional) becomes its
    /// first member Swift can type: every value of that member is a valid argument for the whole union, so the
    /// parameter is typed instead of `any ConvertibleToPython`. Only for parameters (not variadic ones); results
    /// and closures keep the whole union (dynamic).
    var narrowsNestedUnions = false

    /// Whether a parameter's union spreads the unions nested in it (`int | (str | bytes)` → three overloads).
    var spreadsNestedUnions = false

    /// This translator for parameters.
    private var forArguments: TypeTranslator {
        var copy = self
        copy.narrowsNestedUnions = true
        return copy
    }

    /// The Swift name of the generic parameter for a Python type variable: `_T` → `T`, `_KT` → `KT`.
    static func genericName(_ python: String) -> String {
        let name = Naming.upperCamel(python)
        let needsPrefix = name.isEmpty || name.first?.isNumber == true || Naming.keywords.contains(name)
        return needsPrefix ? "T" + name : name
    }

    /// The constraint every generic parameter gets: the runtime's conversion protocols.
    static let genericConstraint = "PythonRuntime.ConvertibleToPython & PythonRuntime.ConvertibleFromPython"

    /// The Swift types a parameter of this type accepts: one per member of a union of concrete types (also of
    /// an optional union: the parameter's default, or `nil`, stands for `None`).
    func parameterTypes(_ type: TypeDescription) -> [SwiftType] {
        guard narrowsNestedUnions else { return forArguments.parameterTypes(type) }
        if type.kind == "optional", let inner = type.args?.first, type.args?.count == 1, inner.kind == "union" {
            return parameterTypes(inner)
        }
        if type.kind == "union", let members = type.args {
            // `int | (str | bytes)` is `int | str | bytes` (see `spreadsNestedUnions`); repeated members dropped.
            func spread(_ members: [TypeDescription]) -> [TypeDescription] {
                guard spreadsNestedUnions else { return members }
                return members.flatMap { $0.kind == "union" ? spread($0.args ?? []) : [$0] }
            }
            var seen: Set<String> = []
            let mapped = spread(members).map { swiftType($0, topLevelParameter: true) }.filter {
                seen.insert($0.text).inserted
            }
            if mapped.count <= 3, !mapped.contains(where: \.isDynamic) { return mapped }
            // A few concrete members next to ones Swift cannot type: an overload for each concrete one, plus
            // `some ConvertibleToPython` for the rest.
            let concrete = mapped.filter { !$0.isDynamic }
            if !concrete.isEmpty, concrete.count <= 3 { return concrete + [.anyArgument] }
            return [.anyArgument]
        }
        let mapped = swiftType(type, topLevelParameter: true)
        return [mapped]
    }

    /// The Swift type of a result.
    func resultType(_ type: TypeDescription) -> SwiftType {
        if type.kind == "none" { return .void }
        if type.kind == "awaitable", let inner = type.args?.first, type.args?.count == 1 {
            var awaited = inner.kind == "awaitable" ? SwiftType.object : resultType(inner)
            awaited.awaits = true
            return awaited
        }
        var results = self
        results.allowsNestedTuples = true
        return results.swiftType(type, topLevelParameter: false)
    }

    /// `(A, B, …)` converted with `tuple(of:)`; an element that is itself a tuple (or holds one) is dynamic.
    private func tupleType(_ items: [TypeDescription]) -> SwiftType {
        guard !items.isEmpty else {
            // `tuple[()]`: always empty.
            return SwiftType(text: "[PythonRuntime.PythonObject]", isDynamic: true, isHashable: false)
        }
        let elements = items.map { item -> SwiftType in
            let element = swiftType(item, topLevelParameter: false)
            return element.conversion == nil ? element : element.asObject
        }
        return SwiftType(
            text: "(" + elements.map(\.text).joined(separator: ", ") + ")",
            isDynamic: elements.contains(where: \.isDynamic), isHashable: false, tupleElements: elements,
            conversion: .tuple(elements), typeVariables: elements.reduce(into: []) { $0.formUnion($1.typeVariables) },
            lostPrecision: elements.contains(where: \.lostPrecision))
    }

    func swiftType(_ type: TypeDescription, topLevelParameter: Bool) -> SwiftType {
        let args = type.args ?? []
        let mapped = swiftTypeIgnoringPrecision(type, topLevelParameter: topLevelParameter)
        guard mapped.isDynamic else { return mapped }
        var result = mapped
        let argumentsLost = args.contains { swiftType($0, topLevelParameter: false).lostPrecision }
        switch type.kind {
        case "object": result.lostPrecision = type.open != true
        case "callable": result.lostPrecision = mapped.lostPrecision
        case "optional" where mapped.isClosure: result.lostPrecision = mapped.lostPrecision
        case "optional": result.lostPrecision = argumentsLost
        default: result.lostPrecision = mapped.lostPrecision || argumentsLost
        }
        return result
    }

    private func swiftTypeIgnoringPrecision(_ type: TypeDescription, topLevelParameter: Bool) -> SwiftType {
        let args = type.args ?? []
        switch type.kind {
        case "int": return SwiftType(text: "Swift.Int", isDynamic: false, isHashable: true)
        case "float": return SwiftType(text: "Swift.Double", isDynamic: false, isHashable: true)
        case "str": return SwiftType(text: "Swift.String", isDynamic: false, isHashable: true)
        case "bool": return SwiftType(text: "Swift.Bool", isDynamic: false, isHashable: true)
        case "bytes": return SwiftType(text: "[Swift.UInt8]", isDynamic: false, isHashable: true)
        case "complex":
            return SwiftType(text: "ComplexModule.Complex<Swift.Double>", isDynamic: false, isHashable: true)
        case "union" where narrowsNestedUnions && !topLevelParameter:
            // Inside a parameter's container: the first member Swift can type (see `narrowsNestedUnions`); `bool`
            // only when no `int` is offered, since every bool is an int in Python (`bool | int` → `Int`).
            let hasInt = args.contains { $0.kind == "int" }
            for member in args where !(hasInt && member.kind == "bool") {
                let mapped = swiftType(member, topLevelParameter: false)
                if !mapped.isDynamic, mapped.conversion == nil { return mapped }
            }
            return dynamic(topLevelParameter)
        case "typevar":
            guard let name = type.name, genericParameters.contains(name) else { return dynamic(topLevelParameter) }
            return SwiftType(
                text: Self.genericName(name), isDynamic: false, isHashable: false, typeVariables: [name])
        case "list" where args.count == 1:
            let element = swiftType(args[0], topLevelParameter: false)
            return SwiftType(
                text: "[\(element.text)]", isDynamic: element.isDynamic, isHashable: element.isHashable,
                conversion: element.conversion.map { _ in .list(element) }, typeVariables: element.typeVariables)
        case "set" where args.count == 1:
            let element = swiftType(args[0], topLevelParameter: false)
            guard element.isHashable, element.conversion == nil else { return dynamic(topLevelParameter) }
            return SwiftType(
                text: "Swift.Set<\(element.text)>", isDynamic: element.isDynamic, isHashable: true,
                typeVariables: element.typeVariables)
        case "dict" where args.count == 2:
            let key = swiftType(args[0], topLevelParameter: false)
            let value = swiftType(args[1], topLevelParameter: false)
            guard key.isHashable, key.conversion == nil else { return dynamic(topLevelParameter) }
            return SwiftType(
                text: "[\(key.text): \(value.text)]", isDynamic: key.isDynamic || value.isDynamic,
                isHashable: value.isHashable,
                conversion: value.conversion.map { _ in .dictionary(key: key, value: value) },
                typeVariables: key.typeVariables.union(value.typeVariables))
        case "callable" where topLevelParameter && !args.isEmpty:
            return closureType(parameters: args.dropLast(), result: args[args.count - 1])
        case "optional" where args.count == 1 && topLevelParameter && args[0].kind == "callable":
            // `Callable[…] | None = None` → `((A) throws -> R)? = nil`.
            var closure = swiftType(args[0], topLevelParameter: true)
            closure.isHashable = false
            return closure
        case "optional" where args.count == 1:
            let wrapped = swiftType(args[0], topLevelParameter: false)
            if wrapped.isDynamic { return dynamic(topLevelParameter) }
            let text = wrapped.text + "?"
            return SwiftType(
                text: text, isDynamic: false, isHashable: wrapped.isHashable,
                conversion: wrapped.conversion.map { _ in .optional(wrapped) }, typeVariables: wrapped.typeVariables)
        case "iterator" where allowsNestedTuples && args.count == 1:
            // A result read lazily: `Iterator[T]` → `TypedPythonIterator<T>`.
            var element = swiftType(args[0], topLevelParameter: false)
            if element.conversion != nil { element = element.asObject }
            return SwiftType(
                text: "PythonRuntime.TypedPythonIterator<\(element.text)>", isDynamic: element.isDynamic,
                isHashable: false, typeVariables: element.typeVariables)
        case "asyncIterator" where allowsNestedTuples && args.count == 1:
            // A result iterated with `for try await`: `AsyncIterator[T]` → `PythonAsyncSequence<T>`.
            var element = swiftType(args[0], topLevelParameter: false)
            if element.conversion != nil { element = element.asObject }
            return SwiftType(
                text: "PythonRuntime.PythonAsyncSequence<\(element.text)>", isDynamic: element.isDynamic,
                isHashable: false, typeVariables: element.typeVariables)
        case "tuple" where allowsNestedTuples:
            return tupleType(args)
        case "class":
            if let name = type.name {
                if let module = type.module {
                    if let swiftName = otherModules[module]?[name] {
                        let text = "\(Naming.moduleName(module)).\(swiftName)"
                        return SwiftType(text: text, isDynamic: false, isHashable: false, wrapperClass: text)
                    }
                } else if let swiftName = classNames[name] {
                    let text = "\(namespace).\(swiftName)"
                    return SwiftType(text: text, isDynamic: false, isHashable: false, wrapperClass: text)
                }
            }
            return dynamic(topLevelParameter)
        default:
            return dynamic(topLevelParameter)
        }
    }

    /// `((A, B) throws -> R)`: parameters Python passes in (converted from Python), a result Python receives
    /// (`any ConvertibleToPython` where Swift cannot type it, `Void` for `None`).
    private func closureType(parameters: ArraySlice<TypeDescription>, result: TypeDescription) -> SwiftType {
        // A closure's types keep their whole unions (narrowing its result would make overloads that differ only
        // there collide).
        var whole = self
        whole.narrowsNestedUnions = false
        var inputs = parameters.map { whole.swiftType($0, topLevelParameter: false) }
        // `Callable[[A], Awaitable[R]]`: an async Swift closure, its arguments sent into a Swift task.
        let awaited = result.kind == "awaitable" && result.args?.count == 1 ? result.args?.first : nil
        if awaited != nil {
            inputs = inputs.map { $0.isDynamic || $0.conversion != nil ? $0.asObject : $0 }
        }
        let returned = awaited ?? result
        var output = returned.kind == "none" ? SwiftType.void : whole.swiftType(returned, topLevelParameter: false)
        if output.isDynamic || output.conversion != nil {
            output = SwiftType(
                text: "any PythonRuntime.ConvertibleToPython", isDynamic: true, isHashable: false,
                lostPrecision: output.lostPrecision)
        }
        if awaited != nil, output.text == "any PythonRuntime.ConvertibleToPython" { output = .object }
        let parts = inputs + [output]
        let effects = awaited != nil ? "async throws" : "throws"
        var closure = SwiftType(
            text: "(" + (awaited != nil ? "@Sendable " : "") + "(" + inputs.map(\.text).joined(separator: ", ")
                + ") \(effects) -> \(output.text))",
            isDynamic: parts.contains(where: \.isDynamic), isHashable: false,
            typeVariables: parts.reduce(into: []) { $0.formUnion($1.typeVariables) },
            lostPrecision: parts.contains(where: \.lostPrecision))
        closure.isClosure = true
        closure.isAsyncClosure = awaited != nil
        return closure
    }

    private func dynamic(_ topLevelParameter: Bool) -> SwiftType {
        topLevelParameter ? .anyArgument : .object
    }
}
