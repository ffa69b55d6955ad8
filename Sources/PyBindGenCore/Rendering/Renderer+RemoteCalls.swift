/// `PyMath.on(pool).sqrt(2.0)`: a module's functions and constructors as `async` calls run by a
/// `PythonCallExecutor` (a worker pool or a cluster).
extension Renderer {
    /// `PyMath.on(pool).sqrt(2.0)`: the module's functions as `async` calls on a `PythonCallExecutor`, with the
    /// same names and Swift types as the local ones. Named so they cannot clash with Python names (`on` and
    /// `RemoteCalls` get a suffix if the module defines them).
    func remoteCalls(_ module: TranslatedModule) {
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
                    emitResult(
                        CallPlan(for: function).result, of: function.result,
                        call:
                            "executor.call(\(module.swiftName).\(function.callee.reference!), with: \(argumentsVariable))",
                        effects: "try await")
                }
                emit("}")
            }
            remoteConstructors(module)
        }
        emit("}")
    }

    /// `PyDatetime.on(pool).Date(year:month:day:)`: a class's constructors, making the object remotely. A
    /// generic class's constructors are generic too; those whose arguments do not fix its parameters are there
    /// again with `PythonObject` for them (`on(pool).Counter()`, as `Counter()` locally).
    func remoteConstructors(_ module: TranslatedModule) {
        for cls in module.classes {
            for function in cls.members
            where function.kind == .initializer && isRemotable(function) && cls.fixedArguments(of: function) == nil {
                remoteConstructor(function, of: cls, module: module, type: cls.selfType(namespace: module.swiftName))
            }
            for (arguments, initializers) in cls.constrainedInitializers {
                let values = Dictionary(uniqueKeysWithValues: zip(cls.typeParameters, arguments))
                let type = SwiftType.wrapper(namespace: module.swiftName, name: cls.swiftName, arguments: arguments)
                for function in initializers where isRemotable(function) {
                    var fixed = function
                    for index in fixed.parameters.indices {
                        fixed.parameters[index].type = fixed.parameters[index].type.rewritten { type in
                            if case .classParameter(let name) = type { return values[name] }
                            return nil
                        }
                    }
                    remoteConstructor(fixed, of: cls, module: module, type: type, isGeneric: false)
                }
            }
        }
    }

    private func remoteConstructor(
        _ function: TranslatedFunction, of cls: TranslatedClass, module: TranslatedModule, type selfType: SwiftType,
        isGeneric: Bool = true
    ) {
        chooseArgumentsVariable(for: function)
        let parameters = function.parameters.map(remoteParameterText).joined(separator: ", ")
        let type = selfType.rendered
        let holder = "\(module.swiftName).\(cls.referenceHolder)"
        emit("")
        documentation([
            "Makes a `\(module.pythonName).\(cls.pythonName)` where the executor runs it and answers a typed",
            "handle to it (the object stays there).",
            "- Throws: the executor's errors (a remote exception, a crash, a timeout).",
        ])
        emit(
            "public func \(cls.swiftName)\(generics(function, outer: isGeneric ? cls : nil))(\(parameters)) async throws -> \(type).Remote {"
        )
        indented {
            collectArguments(function)
            emit(
                "return \(type).Remote(try await executor.makeObject(\(holder)._\(cls.swiftName)_class, with: \(argumentsVariable)))"
            )
        }
        emit("}")
    }
}
