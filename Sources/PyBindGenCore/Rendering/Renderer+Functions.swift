/// Functions, methods, initializers and operators: signatures, argument collection, and bodies printed from
/// their ``CallPlan``.
extension Renderer {
    func referenceDeclaration(_ reference: CallableReference, module: String, access: String) {
        if reference.isMemberName {
            let name = literal(reference.path.joined(separator: "."))
            emit("\(access) \(reference.swiftName) = PythonRuntime.PythonMemberName(\(name))")
            return
        }
        let path = ([module] + reference.path).map(literal).joined(separator: ", ")
        emit(
            "\(access) \(reference.swiftName) = PythonRuntime.PythonCallableReference(module: \(path)\(originArgument))"
        )
    }

    func function(_ function: TranslatedFunction, qualifiedPython: String, owner: TranslatedClass? = nil) {
        chooseArgumentsVariable(for: function)
        var doc = function.doc.isEmpty ? ["Calls `\(qualifiedPython)`."] : function.doc
        let documented = function.parameters.filter { $0.defaultDescription != nil }
        if !documented.isEmpty {
            doc.append("")
            for parameter in documented {
                doc.append(
                    "- Parameter \(parameter.name): Python's default is `\(parameter.defaultDescription!)`; omitted unless given."
                )
            }
        }
        doc.append("- Throws: `PythonError` if Python raises or a value does not convert.")
        documentation(doc)
        let parameters = function.parameters.map(parameterText).joined(separator: ", ")
        let returns = function.result == .void ? "" : " -> \(function.result.rendered)"
        // A coroutine function's Swift form awaits the coroutine (cancellation included): untyped throws.
        let throwsClause = function.awaitsResult ? "async throws" : "throws(PythonRuntime.PythonError)"
        switch function.kind {
        case .staticFunction:
            // Inlinable so a call compiles down to the cached-function vectorcall in the caller.
            emit("@inlinable")
            emit(
                "public static func \(function.swiftName)\(generics(function))(\(parameters)) \(throwsClause)\(returns) {"
            )
        case .classFunction:
            let modifier = owner?.isFinal == true && !function.isOverride ? "static" : "class"
            emit(
                "\(function.isOverride ? "override " : "")public \(modifier) func \(function.swiftName)\(generics(function))(\(parameters)) \(throwsClause)\(returns) {"
            )
        case .method, .callAsFunction:
            // Inlinable so the call compiles down to `PyObject_VectorcallMethod` in the caller.
            emit("@inlinable")
            emit(
                "\(function.isOverride ? "override " : "")public func \(function.swiftName)\(generics(function))(\(parameters)) \(throwsClause)\(returns) {"
            )
        case .initializer:
            let modifiers =
                function.isOverride
                ? "override public" : rendersConvenienceInitializers ? "public convenience" : "public"
            emit("\(modifiers) init\(generics(function))(\(parameters)) \(throwsClause) {")
        case .binaryOperator:
            emit("public static func \(function.swiftName) (\(parameters)) \(throwsClause)\(returns) {")
        case .prefixOperator:
            emit("public static prefix func \(function.swiftName) (\(parameters)) \(throwsClause)\(returns) {")
        }
        indented { body(function, owner: owner) }
        emit("}")
    }

    /// `<T: …>` for a function with generic parameters, or nothing; with `outer`'s parameters first for a
    /// function declared outside that generic class (its remote constructor).
    func generics(_ function: TranslatedFunction, outer: TranslatedClass? = nil) -> String {
        let names = (outer?.typeParameters.map(TypeTranslator.genericName) ?? []) + function.genericParameters
        guard !names.isEmpty else { return "" }
        return "<" + names.map { "\($0): \(TypeTranslator.genericConstraint)" }.joined(separator: ", ") + ">"
    }

    /// An expression converting the `PythonObject` named `value` to `type`: `.converted()`, or for results
    /// holding tuples, `tuple(of:)` inside the runtime's item-by-item conversions (`list`, `dictionary`,
    /// `optional`).
    func converting(_ value: String, to type: SwiftType) -> String {
        func closure(_ element: SwiftType) -> String {
            "{ (item: PythonRuntime.PythonObject) throws(PythonRuntime.PythonError) -> \(element.rendered) in "
                + converting("item", to: element) + " }"
        }
        guard type.needsItemConversion else { return "try \(value).converted()" }
        switch type {
        case .tuple(let elements):
            return "try \(value).tuple(of: \(elements.map { $0.rendered + ".self" }.joined(separator: ", ")))"
        case .array(let element):
            return "try PythonRuntime.PythonItemConversion.list(\(value), converting: \(closure(element)))"
        case .dictionary(let key, let element):
            return
                "try PythonRuntime.PythonItemConversion.dictionary(\(value), keys: \(key.rendered).self, converting: "
                + closure(element) + ")"
        case .optional(let wrapped):
            return "try PythonRuntime.PythonItemConversion.optional(\(value), converting: \(closure(wrapped)))"
        default:
            return "try \(value).converted()"
        }
    }

    func parameterText(_ parameter: TranslatedParameter) -> String {
        let label =
            parameter.label == parameter.name
            ? Naming.escaped(parameter.name) : "\(parameter.label) \(Naming.escaped(parameter.name))"
        switch parameter.passing {
        case .variadic: return "\(label): \(parameter.type.rendered)..."
        case .keywordDictionary: return "\(label): [Swift.String: \(parameter.type.rendered)] = [:]"
        case _ where parameter.type.isClosure:
            return parameter.isOptional
                ? "\(label): \(parameter.type.rendered)? = nil" : "\(label): @escaping \(parameter.type.rendered)"
        default:
            if parameter.isOptional { return "\(label): \(parameter.type.optionalized.rendered) = nil" }
            return "\(label): \(parameter.type.rendered)"
        }
    }

    private func body(_ function: TranslatedFunction, owner: TranslatedClass?) {
        let callee: String
        switch (function.kind, function.callee) {
        case (.binaryOperator, .operation(let operation)):
            emit("try PythonRuntime.PythonBinaryOperator.\(operation).apply(lhs, rhs)")
            return
        case (.prefixOperator, .operation(let operation)):
            emit("try PythonRuntime.PythonUnaryOperator.\(operation).apply(operand)")
            return
        case (_, .operation(let operation)):
            emit("try PythonRuntime.PythonBinaryOperator.\(operation).apply(self, other)")
            return
        case (_, .reference(let name)):
            callee = name
        }
        let reference = owner.map { "\($0.qualifiedReferenceHolder(namespace: namespace)).\(callee)" } ?? callee
        // A method is looked up on the object (`callMethod`), so Python subclasses' overrides run.
        let isMethod = function.kind == .method || function.kind == .callAsFunction
        let plan = CallPlan(for: function)
        let call: String
        switch plan.arguments {
        case .fixed(let names):
            call =
                isMethod
                ? "callMethod(" + ([reference] + names).joined(separator: ", ") + ")"
                : "\(reference).call(\(names.joined(separator: ", ")))"
        case .collected:
            emit("var \(argumentsVariable) = PythonRuntime.PythonArguments()")
            if function.passesSelf && !isMethod { emit("try \(argumentsVariable).append(self)") }
            appendArguments(function)
            call =
                isMethod ? "callMethod(\(reference), \(argumentsVariable))" : "\(reference).call(\(argumentsVariable))"
        }
        if plan.awaits {
            // The coroutine is awaited on the interpreter's event loop.
            emit("let coroutine: PythonRuntime.PythonObject = try \(call)")
            emitResult(
                plan.result, of: function.result, call: "coroutine.awaited()", effects: "try await",
                discarding: "try await coroutine.awaited()")
        } else {
            emitResult(plan.result, of: function.result, call: "\(call)", effects: "try")
        }
    }

    /// The statements that run `call` (with `effects`: `try`, `try await`) and hand back its result as `result`
    /// says: the one return emitter of every generated body.
    func emitResult(
        _ result: CallPlan.Result, of type: SwiftType, call: String, effects: String, discarding: String? = nil
    ) {
        switch result {
        case .initializesSelf:
            emit("let object: PythonRuntime.PythonObject = \(effects) \(call)")
            emit("\(rendersConvenienceInitializers ? "self" : "super").init(unchecked: object)")
        case .convertedItemByItem:
            emit("let result: PythonRuntime.PythonObject = \(effects) \(call)")
            emit("return " + converting("result", to: type))
        case .returned:
            emit("return \(effects) \(call)")
        case .discarded:
            emit(discarding ?? "let _: PythonRuntime.PythonNoneResult = \(effects) \(call)")
        }
    }
    /// Statements that collect a function's parameters into `arguments`.
    func appendArguments(_ function: TranslatedFunction) {
        for parameter in function.parameters {
            let escaped = Naming.escaped(parameter.name)
            // A closure travels as a Python callable that runs it.
            let name =
                parameter.type.isAsyncClosure
                ? "PythonRuntime.PythonObject(asyncCallable: \(escaped))"
                : parameter.type.isClosure ? "PythonRuntime.PythonObject(callable: \(escaped))" : escaped
            switch parameter.passing {
            case .positional:
                emit(
                    parameter.isOptional
                        ? "if let \(escaped) { try \(argumentsVariable).append(\(name)) }"
                        : "try \(argumentsVariable).append(\(name))")
            case .keyword(let python):
                emit(
                    parameter.isOptional
                        ? "if let \(escaped) { try \(argumentsVariable).append(keyword: \(literal(python)), \(name)) }"
                        : "try \(argumentsVariable).append(keyword: \(literal(python)), \(name))")
            case .variadic: emit("try \(argumentsVariable).append(contentsOf: \(name))")
            case .keywordDictionary: emit("try \(argumentsVariable).append(keywords: \(name))")
            }
        }
    }

}
