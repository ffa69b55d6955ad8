/// Writes the Swift text of a translated module. Output depends only on its input, so it is byte-identical run
/// to run.
final class Renderer {
    var header: [String]
    private var lines: [String] = []
    private var indentation = 0
    /// The local variable generated bodies collect arguments in: `arguments`, unless a parameter has that name.
    var argumentsVariable = "arguments"

    /// Sets ``argumentsVariable`` for the body of `function`.
    func chooseArgumentsVariable(for function: TranslatedFunction) {
        argumentsVariable = function.parameters.contains { $0.name == "arguments" } ? "pythonArguments" : "arguments"
    }

    init(header: [String]) {
        self.header = header
    }

    func render(_ module: TranslatedModule) -> String {
        lines = header.map { "// " + $0 }
        emit("")
        emit("import PythonRuntime")
        emit("")
        documentation(module.doc.map { [$0] } ?? ["The Python module `\(module.pythonName)`."])
        emit("public enum \(module.swiftName) {")
        indented {
            emit(
                "@usableFromInline static let _module = PythonRuntime.PythonCallableReference(module: \(literal(module.pythonName)))"
            )
            for reference in module.references {
                referenceDeclaration(reference, module: module.pythonName, access: "@usableFromInline static let")
            }
            for alias in module.aliases {
                emit("")
                emit(
                    "/// `\(module.pythonName).\(alias.name)` is another name of `\(module.pythonName).\(alias.pythonTarget)`."
                )
                emit("public typealias \(alias.name) = \(alias.target)")
            }
            for constant in module.constants {
                emit("")
                documentation(["The value of `\(module.pythonName).\(constant.pythonName)`, read from the interpreter."]
                )
                emit("public static var \(constant.swiftName): \(constant.type.rendered) {")
                indented {
                    emit("get throws(PythonRuntime.PythonError) {")
                    indented {
                        if !constant.type.needsItemConversion {
                            emit("try _module.object.attribute(\(literal(constant.pythonName))).converted()")
                        } else {
                            emit("let value = try _module.object.attribute(\(literal(constant.pythonName)))")
                            emit("return " + converting("value", to: constant.type))
                        }
                    }
                    emit("}")
                }
                emit("}")
            }
            for function in module.functions {
                emit("")
                self.function(function, qualifiedPython: "\(module.pythonName).\(function.pythonName)")
            }
            for cls in module.classes {
                emit("")
                self.classDeclaration(cls, module: module)
            }
            if !module.functions.isEmpty || module.classes.contains(where: \.hasInitializer) {
                emit("")
                remoteCalls(module)
            }
        }
        emit("}")
        for cls in module.classes {
            emit("")
            emit("extension \(module.swiftName).\(cls.swiftName) {")
            indented { remoteHandle(cls, module: module) }
            emit("}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `PyMath.on(pool).sqrt(2.0)`: the module's functions as `async` calls on a `PythonCallExecutor`, with the
    /// same names and Swift types as the local ones. Named so they cannot clash with Python names (`on` and
    /// `RemoteCalls` get a suffix if the module defines them).
    private func remoteCalls(_ module: TranslatedModule) {
        let taken = Set(module.functions.map(\.swiftName) + module.classes.map(\.swiftName))
        let accessor = taken.contains("on") ? "onExecutor" : "on"
        let type = taken.contains("RemoteCalls") ? "RemoteCallsOnExecutor" : "RemoteCalls"
        documentation([
            "`\(module.pythonName)`'s functions as `async` calls run by `executor` (a worker pool or a cluster),",
            "with the same names and Swift types: `try await \(module.swiftName).\(accessor)(pool).name(…)`.",
        ])
        emit("public static func \(accessor)(_ executor: some PythonRuntime.PythonCallExecutor) -> \(type) {")
        indented { emit("\(type)(executor: executor)") }
        emit("}")
        emit("")
        documentation(["The functions of `\(module.pythonName)`, each sent to ``executor`` by name with its arguments."]
        )
        emit("public struct \(type): Sendable {")
        indented {
            emit("/// Where the calls run.")
            emit("public let executor: any PythonRuntime.PythonCallExecutor")
            emit("")
            emit("/// Calls run by `executor`.")
            emit("public init(executor: any PythonRuntime.PythonCallExecutor) {")
            indented { emit("self.executor = executor") }
            emit("}")
            // A closure cannot travel to another process, nor can a coroutine come back: those are local only.
            for function in module.functions
            where !function.parameters.contains(where: \.type.isClosure) && !function.awaitsResult {
                chooseArgumentsVariable(for: function)
                emit("")
                documentation([
                    function.doc.first.map { "\($0)" } ?? "Calls `\(module.pythonName).\(function.pythonName)`.",
                    "",
                    "Runs `\(module.pythonName).\(function.pythonName)` on the executor.",
                    "- Throws: the executor's errors (a remote exception, a crash, a timeout) or `PythonError` if the "
                        + "result does not convert.",
                ])
                let parameters = function.parameters.map(parameterText).joined(separator: ", ")
                let returns = function.result == .void ? "" : " -> \(function.result.rendered)"
                emit("public func \(function.swiftName)\(generics(function))(\(parameters)) async throws\(returns) {")
                indented {
                    emit(
                        function.parameters.isEmpty
                            ? "let \(argumentsVariable) = PythonRuntime.PythonArguments()"
                            : "var \(argumentsVariable) = PythonRuntime.PythonArguments()")
                    appendArguments(function)
                    let call =
                        "try await executor.call(\(module.swiftName).\(function.callee.reference!), with: \(argumentsVariable))"
                    if function.result.needsItemConversion {
                        emit("let result: PythonRuntime.PythonObject = \(call)")
                        emit("return " + converting("result", to: function.result))
                    } else if function.result != .void {
                        emit("return \(call)")
                    } else {
                        emit("let _: PythonRuntime.PythonNoneResult = \(call)")
                    }
                }
                emit("}")
            }
            remoteConstructors(module)
        }
        emit("}")
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

    private func classDeclaration(_ cls: TranslatedClass, module: TranslatedModule) {
        documentation(cls.doc.map { [$0] } ?? ["The Python class `\(module.pythonName).\(cls.pythonName)`."])
        let superclass = cls.superclass ?? "PythonRuntime.PythonInstance"
        emit("public \(cls.isFinal ? "final " : "")class \(cls.swiftName): \(superclass), @unchecked Sendable {")
        indented {
            emit(
                "@usableFromInline static let _\(cls.swiftName)_class = PythonRuntime.PythonCallableReference(module: \(literal(module.pythonName)), \(literal(cls.pythonName)))"
            )
            for reference in cls.references {
                referenceDeclaration(reference, module: module.pythonName, access: "@usableFromInline static let")
            }
            emit("")
            emit("/// The Python class `\(module.pythonName).\(cls.pythonName)`.")
            emit(
                "override public class var pythonClass: PythonRuntime.PythonCallableReference? { _\(cls.swiftName)_class }"
            )
            if cls.hasInitializer {
                emit("")
                emit("/// Wraps an object known to be a `\(module.pythonName).\(cls.pythonName)`.")
                emit("override public init(unchecked object: PythonRuntime.PythonObject) {")
                indented { emit("super.init(unchecked: object)") }
                emit("}")
                emit("")
                emit(
                    "/// Wraps an existing `\(module.pythonName).\(cls.pythonName)` instance; the caller holds the GIL."
                )
                emit(
                    "public required init(pythonReference object: PythonRuntime.PyObjectPointer) throws(PythonRuntime.PythonError) {"
                )
                indented { emit("try super.init(pythonReference: object)") }
                emit("}")
            }
            for property in cls.properties {
                emit("")
                documentation(property.doc.map { [$0] } ?? ["`\(cls.pythonName).\(property.pythonName)`."])
                emit("@inlinable")
                emit(
                    "\(property.isOverride ? "override " : "")public var \(Naming.escaped(property.swiftName)): \(property.type.rendered) {"
                )
                indented {
                    emit("get throws(PythonRuntime.PythonError) {")
                    indented {
                        switch property.special {
                        case .attribute where property.type.needsItemConversion:
                            emit("let value = try object.attribute(\(literal(property.pythonName)))")
                            emit("return " + converting("value", to: property.type))
                        case .attribute:
                            let name =
                                property.reference.map { "\(cls.swiftName).\($0)" } ?? literal(property.pythonName)
                            emit("try attribute(\(name))")
                        case .length: emit("try object.length")
                        }
                    }
                    emit("}")
                }
                emit("}")
            }
            for item in cls.subscripts {
                emit("")
                documentation(["`self[key]` (`\(cls.pythonName).__getitem__`)."])
                emit(
                    "\(item.isOverride ? "override " : "")public subscript(key: \(item.key.rendered)) -> \(item.result.rendered) {"
                )
                indented {
                    emit("get throws(PythonRuntime.PythonError) {")
                    indented { emit("try object[key].converted()") }
                    emit("}")
                }
                emit("}")
            }
            if let iteration = cls.iteration {
                emit("")
                documentation([
                    "Every item of `iter(self)`, converted, in order (like `list(self)`).",
                    "For a lazy walk, use `object.makePythonIterator()`.",
                ])
                emit(
                    "\(iteration.isOverride ? "override " : "")public func \(iteration.name)() throws(PythonRuntime.PythonError) -> [\(iteration.element.rendered)] {"
                )
                indented { emit("try object.converted()") }
                emit("}")
                if !cls.members.contains(where: { $0.swiftName == "makeIterator" }) {
                    emit("")
                    documentation([
                        "The items of `iter(self)`, read lazily and converted one at a time: "
                            + "`while let item = try iterator.next() { … }`."
                    ])
                    emit(
                        "\(iteration.isOverride ? "override " : "")public func makeIterator() throws(PythonRuntime.PythonError) -> PythonRuntime.TypedPythonIterator<\(iteration.element.rendered)> {"
                    )
                    indented { emit("try PythonRuntime.TypedPythonIterator(object)") }
                    emit("}")
                }
            }
            for member in cls.members {
                emit("")
                function(
                    member, qualifiedPython: "\(module.pythonName).\(cls.pythonName).\(member.pythonName)", owner: cls)
            }
        }
        emit("}")
    }

    func referenceDeclaration(_ reference: CallableReference, module: String, access: String) {
        if reference.isMemberName {
            let name = literal(reference.path.joined(separator: "."))
            emit("\(access) \(reference.swiftName) = PythonRuntime.PythonMemberName(\(name))")
            return
        }
        let path = ([module] + reference.path).map(literal).joined(separator: ", ")
        emit("\(access) \(reference.swiftName) = PythonRuntime.PythonCallableReference(module: \(path))")
    }

    private func function(_ function: TranslatedFunction, qualifiedPython: String, owner: TranslatedClass? = nil) {
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
            emit(
                "\(function.isOverride ? "override " : "")public init\(generics(function))(\(parameters)) \(throwsClause) {"
            )
        case .binaryOperator:
            emit("public static func \(function.swiftName) (\(parameters)) \(throwsClause)\(returns) {")
        case .prefixOperator:
            emit("public static prefix func \(function.swiftName) (\(parameters)) \(throwsClause)\(returns) {")
        }
        indented { body(function, owner: owner) }
        emit("}")
    }

    /// `<T: …>` for a function with generic parameters, or nothing.
    func generics(_ function: TranslatedFunction) -> String {
        guard !function.genericParameters.isEmpty else { return "" }
        return "<"
            + function.genericParameters.map { "\($0): \(TypeTranslator.genericConstraint)" }.joined(separator: ", ")
            + ">"
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
        let returnsValue = function.result != .void
        let resultType =
            function.result.needsItemConversion
            ? "PythonRuntime.PythonObject"
            : (returnsValue ? function.result.rendered : "PythonRuntime.PythonNoneResult")
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
        let reference = owner.map { "\($0.swiftName).\(callee)" } ?? callee
        if function.kind == .method || function.kind == .callAsFunction {
            methodBody(function, name: reference)
            return
        }
        var positional: [String] = function.passesSelf ? ["self"] : []
        let simple = function.parameters.allSatisfy {
            if case .positional = $0.passing { return !$0.isOptional && !$0.type.isClosure } else { return false }
        }
        let call: String
        if simple && positional.count + function.parameters.count <= 2 {
            positional += function.parameters.map { Naming.escaped($0.name) }
            call = "\(reference).call(\(positional.joined(separator: ", ")))"
        } else {
            emit("var \(argumentsVariable) = PythonRuntime.PythonArguments()")
            if function.passesSelf { emit("try \(argumentsVariable).append(self)") }
            appendArguments(function)
            call = "\(reference).call(\(argumentsVariable))"
        }
        switch function.kind {
        case .initializer:
            emit("let object: PythonRuntime.PythonObject = try \(call)")
            emit("super.init(unchecked: object)")
        case _ where function.awaitsResult:
            awaitResult(function, call: call)
        default:
            if function.result.needsItemConversion {
                emit("let result: \(resultType) = try \(call)")
                emit("return " + converting("result", to: function.result))
            } else if returnsValue {
                emit("return try \(call)")
            } else {
                emit("let _: \(resultType) = try \(call)")
            }
        }
    }

    /// A method's body: the method is looked up on the object (`callMethod`), so Python subclasses' overrides run.
    private func methodBody(_ function: TranslatedFunction, name: String) {
        let simple = function.parameters.allSatisfy {
            if case .positional = $0.passing { return !$0.isOptional && !$0.type.isClosure } else { return false }
        }
        let call: String
        if simple && function.parameters.count <= 1 {
            call =
                "callMethod(" + ([name] + function.parameters.map { Naming.escaped($0.name) }).joined(separator: ", ")
                + ")"
        } else {
            emit("var \(argumentsVariable) = PythonRuntime.PythonArguments()")
            appendArguments(function)
            call = "callMethod(\(name), \(argumentsVariable))"
        }
        if function.awaitsResult {
            awaitResult(function, call: call)
            return
        }
        if function.result.needsItemConversion {
            emit("let result: PythonRuntime.PythonObject = try \(call)")
            emit("return " + converting("result", to: function.result))
        } else if function.result != .void {
            emit("return try \(call)")
        } else {
            emit("let _: PythonRuntime.PythonNoneResult = try \(call)")
        }
    }

    /// Calls `call` for the coroutine and awaits it on the interpreter's event loop.
    private func awaitResult(_ function: TranslatedFunction, call: String) {
        emit("let coroutine: PythonRuntime.PythonObject = try \(call)")
        if function.result.needsItemConversion {
            emit("let result: PythonRuntime.PythonObject = try await coroutine.awaited()")
            emit("return " + converting("result", to: function.result))
        } else if function.result != .void {
            emit("return try await coroutine.awaited()")
        } else {
            emit("try await coroutine.awaited()")
        }
    }

    func documentation(_ text: [String]) {
        for line in text.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false) }) {
            let trimmed = line.hasSuffix(" ") ? String(line.reversed().drop { $0 == " " }.reversed()) : String(line)
            emit(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
    }

    func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func emit(_ line: String) {
        lines.append(line.isEmpty ? "" : String(repeating: "    ", count: indentation) + line)
    }

    func indented(_ body: () -> Void) {
        indentation += 1
        body()
        indentation -= 1
    }
}
