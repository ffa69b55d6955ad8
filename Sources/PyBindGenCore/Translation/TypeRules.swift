/// The rules about which of the types Python states Swift can express, applied to a module's description
/// before its types are mapped — one place per rule, so that introspection reports only facts.
///
/// - Numbers: `int | float` is `float`; with `complex`, a result is `complex` while a parameter keeps one
///   overload per number type (so `count(start: 10)` sends an int).
/// - Unions: `X | Any` is `Any`; a result union with a member Swift cannot type is dynamic, a parameter keeps
///   the members it can type (one overload each, plus one taking any convertible value for the rest).
/// - Callables: a Swift closure takes at most ``maximumClosureParameters`` arguments; a union inside a
///   callable is read as a result's.
/// - Iterators and awaitables: results only (an awaitable or async iterable argument is any object with
///   `__await__` or `__aiter__`: open).
/// - Paths: `os.PathLike[str]` is given as a `String` from Swift (`PathLike[bytes]` as bytes).
/// - Text is a sequence: a `Sequence[str]` / `Iterable[str]` parameter (or one of open items) takes a `String`
///   too; elsewhere a sequence is a list. One of a generic class's own items (`Iterable[_T]`) stays a sequence:
///   it takes a `String` where the instance's items are text.
/// - Classes: a class that no module generated into the same Swift target wraps is dynamic.
/// - Generic classes: a class's type variable is a generic parameter of its Swift class where that class is
///   generic (``Translator/genericClasses(of:)``), else open.
/// - Value-constrained type variables: one signature per choice of values (at most
///   ``maximumExpandedSignatures``), else the union of the values.
struct TypeRules {
    /// Where a type appears: a parameter Swift passes to Python, or a value Python gives back (results,
    /// attributes, and everything inside a callable).
    enum Position { case parameter, result }

    /// The most arguments a Swift closure for a Python callable takes.
    static let maximumClosureParameters = 4

    /// The wrapper classes of the modules of the target, by full name.
    let otherModules: RunClasses
    /// Classes the module generates only because its API refers to them, which another module of the target
    /// generates: their name → a reference to that module's class.
    private var redirected: [String: PythonType] = [:]

    init(otherModules: RunClasses, module description: ModuleDescription) {
        self.otherModules = otherModules
        let namespace = Naming.moduleName(description.module)
        for cls in description.classes where cls.referenced == true {
            for fullName in cls.fullNames ?? [] {
                guard let wrapper = otherModules.wrappers[fullName], wrapper.namespace != namespace else { continue }
                let (module, _, name) = fullName.splitAtLastDot()
                redirected[cls.name] = .class(name: name, module: module)
                break
            }
        }
        // A class stays while a class that stays derives from it (its members are described on the base).
        var changed = true
        while changed {
            changed = false
            for cls in description.classes where redirected[cls.name] == nil {
                for base in cls.bases where redirected[base] != nil {
                    redirected[base] = nil
                    changed = true
                }
            }
        }
    }

    /// The description with every type as Swift will express it (and without the classes another module of
    /// the target generates for it).
    func applied(to description: ModuleDescription) -> ModuleDescription {
        var result = description
        result.classes.removeAll { redirected[$0.name] != nil }
        // A class type variable is a Swift generic parameter only in a generic Swift class; elsewhere it is open.
        let generic = Translator.genericClasses(of: description)
        result.classes = result.classes.map { cls in
            guard generic[cls.name] == nil else { return cls }
            return cls.mappingTypes { type in
                type.rewritten { inner in
                    guard case .classParameter(let name) = inner else { return nil }
                    return .object(reason: "type variable \(name) of a generic class", isOpen: true)
                }
            }
        }
        result.functions = description.functions.map(applied(to:))
        result.constants = description.constants.map { constant in
            var constant = constant
            constant.type = applied(constant.type, in: .result)
            return constant
        }
        result.classes = result.classes.map { cls in
            var cls = cls
            cls.constructor = cls.constructor?.flatMap(Self.expandingTypeVariables).map(applied(to:))
            cls.methods = cls.methods.map(applied(to:))
            cls.classMethods = cls.classMethods.map(applied(to:))
            cls.operators = cls.operators.map(applied(to:))
            cls.protocols = cls.protocols.map(applied(to:))
            cls.properties = cls.properties.map { property in
                var property = property
                property.type = applied(property.type, in: .result)
                return property
            }
            cls.iteration = cls.iteration.map { applied($0, in: .result) }
            return cls
        }
        return result
    }

    private func applied(to function: FunctionDescription) -> FunctionDescription {
        var function = function
        function.overloads = function.overloads.flatMap(Self.expandingTypeVariables).map(applied(to:))
        return function
    }

    /// The most signatures one signature's value-constrained type variables expand into.
    static let maximumExpandedSignatures = 8

    /// One signature per choice of its value-constrained type variables: `mean(data: Iterable[_NumberT]) ->
    /// _NumberT` with `_NumberT = TypeVar(..., float, Decimal, Fraction)` becomes three. Beyond
    /// ``maximumExpandedSignatures`` choices, each such variable stands for the union of its values.
    static func expandingTypeVariables(_ signature: SignatureDescription) -> [SignatureDescription] {
        var variables: [(name: String, values: [PythonType])] = []
        for type in signature.parameters.map(\.type) + [signature.returns] {
            for variable in type.constrainedTypeVariables where !variables.contains(where: { $0.name == variable.name })
            {
                variables.append(variable)
            }
        }
        guard !variables.isEmpty else { return [signature] }
        func substituting(_ choice: [(String, PythonType)]) -> SignatureDescription {
            var result = signature
            for (name, value) in choice {
                for index in result.parameters.indices {
                    result.parameters[index].type = result.parameters[index].type.substituting(name, with: value)
                }
                result.returns = result.returns.substituting(name, with: value)
            }
            return result
        }
        let count = variables.reduce(1) { $0 * $1.values.count }
        guard count <= maximumExpandedSignatures else {
            return [substituting(variables.map { ($0.name, .union($0.values)) })]
        }
        var choices: [[(String, PythonType)]] = [[]]
        for variable in variables {
            choices = choices.flatMap { choice in variable.values.map { choice + [(variable.name, $0)] } }
        }
        return choices.map(substituting)
    }

    private func applied(to signature: SignatureDescription) -> SignatureDescription {
        var signature = signature
        for index in signature.parameters.indices {
            signature.parameters[index].type = applied(signature.parameters[index].type, in: .parameter)
        }
        signature.returns = applied(signature.returns, in: .result)
        return signature
    }

    /// `type` as Swift will express it in `position`.
    func applied(_ type: PythonType, in position: Position) -> PythonType {
        switch type {
        case .union(let members):
            return union(members.map { applied($0, in: position) }, in: position)
        case .optional(let wrapped):
            return .optional(applied(wrapped, in: position))
        case .list(let item): return .list(applied(item, in: position))
        case .typedDict(let name, let module, let fields):
            // Values travel both ways: each key's type as a value Python gives.
            return .typedDict(
                name: name, module: module,
                fields: fields.map {
                    TypedDictField(name: $0.name, type: applied($0.type, in: .result), isRequired: $0.isRequired)
                })
        case .sequence(let item):
            // A `str` is a `Sequence[str]` (and an `Iterable` of anything): a parameter of text items, or of
            // items Python leaves open, also takes a string (`Counter("abracadabra")`).
            let element = applied(item, in: position)
            guard position == .parameter else { return .list(element) }
            switch element {
            case .str, .object(_, true): return .union([.list(element), .str])
            // The class's own type parameter: a `String` where the instance's items are text (see
            // `TypeTranslator`).
            case .classParameter: return .sequence(element)
            default: return .list(element)
            }
        case .set(let item): return .set(applied(item, in: position))
        case .dict(let key, let value):
            return .dict(key: applied(key, in: position), value: applied(value, in: position))
        case .tuple(let items): return .tuple(items.map { applied($0, in: position) })
        case .iterator where position == .parameter:
            return .object(reason: "an iterator argument", isOpen: nil)
        case .asyncIterator where position == .parameter:
            return .object(reason: "an async iterable argument (any object with __aiter__)", isOpen: true)
        case .awaitable where position == .parameter:
            return .object(reason: "an awaitable argument (any object with __await__)", isOpen: true)
        case .iterator(let item): return .iterator(applied(item, in: position))
        case .asyncIterator(let item): return .asyncIterator(applied(item, in: position))
        case .awaitable(let item): return .awaitable(applied(item, in: position))
        case .callable(let parameters, let result):
            guard parameters.count <= Self.maximumClosureParameters else {
                return .object(
                    reason: "callable with more than \(Self.maximumClosureParameters) parameters", isOpen: nil)
            }
            return .callable(
                parameters: parameters.map { applied($0, in: .result) }, result: applied(result, in: .result))
        case .class("PathLike", "os", let arguments):
            let path = arguments.first.map { applied($0, in: position) }
            return path == .str || path == .bytes ? path! : .object(reason: "os.PathLike", isOpen: nil)
        case .class("slice", "builtins", _) where position == .parameter:
            // Given as a Swift range (see `TypeTranslator`), whichever module generates the class.
            return type
        case .class(let name, nil, _):
            return redirected[name].map { applied($0, in: position) } ?? type
        case .class(let name, let module?, _):
            guard otherModules.wrappers[module + "." + name] != nil else {
                return .object(reason: module + "." + name, isOpen: nil)
            }
            return type
        default:
            return type
        }
    }

    /// A union of (already applied) members.
    private func union(_ members: [PythonType], in position: Position) -> PythonType {
        var items = members
        let numbers: Set<PythonType> = [.int, .float, .complex]
        let kinds = Set(items)
        if kinds.isSubset(of: [.int, .float]), kinds.contains(.float) { items = [.float] }
        if kinds.isSubset(of: numbers), kinds.contains(.complex), position != .parameter { items = [.complex] }
        var unique: [PythonType] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        func isDynamic(_ type: PythonType) -> Bool {
            if case .object = type { return true }
            return false
        }
        if unique.contains(where: { if case .object(_, true) = $0 { return true } else { return false } }) {
            return .object(reason: "union with an open member", isOpen: true)
        }
        if unique.contains(where: isDynamic), position != .parameter || unique.allSatisfy(isDynamic) {
            return .object(reason: "union with a dynamic member", isOpen: nil)
        }
        if unique.count == 1 { return unique[0] }
        return unique.isEmpty ? .none : .union(unique)
    }
}

extension String {
    /// `a.b.c` → (`a.b`, `.`, `c`); no dot → (``, ``, self).
    func splitAtLastDot() -> (String, String, String) {
        guard let dot = lastIndex(of: ".") else { return ("", "", self) }
        return (String(self[..<dot]), ".", String(self[index(after: dot)...]))
    }
}
