/// The remote forms of a module's classes: `PyDatetime.Date.Remote`, a typed handle to a `datetime.date` that
/// lives in a worker or on a cluster, whose members are the class's members as `async throws` calls run where
/// the object lives. Results of wrapper-class type are again remote handles; values convert as in local calls.
extension Renderer {
    /// The Python `operator` function of a binary operator case.
    static let operatorFunctions: [String: String] = [
        "add": "add", "subtract": "sub", "multiply": "mul", "trueDivide": "truediv", "floorDivide": "floordiv",
        "remainder": "mod", "power": "pow", "and": "and_", "or": "or_", "xor": "xor", "leftShift": "lshift",
        "rightShift": "rshift", "less": "lt", "lessOrEqual": "le", "greater": "gt", "greaterOrEqual": "ge",
        "equal": "eq", "notEqual": "ne", "negative": "neg", "positive": "pos", "invert": "invert", "absolute": "abs",
    ]

    /// The class and its ancestors in this module, nearest first.
    private func lineage(_ cls: TranslatedClass, in module: TranslatedModule) -> [TranslatedClass] {
        var chain = [cls]
        var current = cls
        while let name = current.superclass, let parent = module.classes.first(where: { $0.swiftName == name }),
            !chain.contains(where: { $0.swiftName == parent.swiftName })
        {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// The wrapper class `type` names, if it is one (of this module or another of the run).
    private func wrapper(_ type: SwiftType) -> String? {
        type.wrapperClass == nil ? nil : type.rendered
    }

    /// The Swift type a remote member uses for `type`: a wrapper class becomes its `Remote` handle.
    private func remoteText(_ type: SwiftType) -> String {
        wrapper(type).map { "\($0).Remote" } ?? type.rendered
    }

    func remoteParameterText(_ parameter: TranslatedParameter) -> String {
        guard case .wrapper(let namespace, let name, let arguments) = parameter.type else {
            return parameterText(parameter)
        }
        var remote = parameter
        remote.type = .remoteHandle(namespace: namespace, name: name, arguments: arguments)
        return parameterText(remote)
    }

    /// Whether a member can run remotely: closures cannot travel to another process.
    func isRemotable(_ function: TranslatedFunction) -> Bool {
        !function.parameters.contains(where: \.type.isClosure) && !function.result.isClosure && !function.awaitsResult
    }

    /// `public struct Remote` inside the class declaration.
    func remoteHandle(_ cls: TranslatedClass, module: TranslatedModule) {
        let chain = lineage(cls, in: module)
        let python = "\(module.pythonName).\(cls.pythonName)"
        // Members of the class and its ancestors; a nearer class's member hides an ancestor's of the same shape.
        var seen: Set<SignatureKey> = []
        var members: [(TranslatedFunction, TranslatedClass)] = []
        for owner in chain {
            for member in owner.members where isRemotable(member) && seen.insert(member.signatureKey).inserted {
                members.append((member, owner))
            }
        }
        var seenProperties: Set<String> = []
        var properties: [TranslatedProperty] = []
        for owner in chain {
            for property in owner.properties where seenProperties.insert(property.swiftName).inserted {
                properties.append(property)
            }
        }
        var seenSubscripts: Set<SwiftType> = []
        let subscripts = chain.flatMap(\.subscripts).filter { seenSubscripts.insert($0.key).inserted }
        let taken = Set(members.map(\.0.swiftName) + properties.map(\.swiftName))
        let handle = taken.contains("handle") ? "remoteHandle" : "handle"

        documentation([
            "A `\(python)` that lives in a worker or on a cluster: its members run where it lives, as `async` calls.",
            "",
            "Made by `\(module.swiftName).on(executor).\(cls.swiftName)(…)` or by a remote member that returns one;",
            "results of wrapper-class type are again remote handles, values convert as in local calls. The object",
            "lives while a copy of this handle does.",
        ])
        emit("public struct Remote: Sendable, PythonRuntime.ConvertibleToPython {")
        indented {
            emit("/// The untyped handle.")
            emit("public let \(handle): any PythonRuntime.RemotePythonObject")
            emit("")
            emit("/// Wraps a handle to a `\(python)` (or a subclass).")
            emit("public init(_ \(handle): any PythonRuntime.RemotePythonObject) {")
            indented { emit("self.\(handle) = \(handle)") }
            emit("}")
            emit("")
            emit("/// Stands for the object in the arguments of a call by the same executor.")
            emit(
                "public func pythonReference() throws(PythonRuntime.PythonError) -> PythonRuntime.PyObjectPointer {")
            indented { emit("try \(handle).pythonReference()") }
            emit("}")
            for property in properties {
                emit("")
                documentation(property.doc.map { [$0] } ?? ["`\(cls.pythonName).\(property.pythonName)`."])
                emit("public var \(Naming.escaped(property.swiftName)): \(remoteText(property.type)) {")
                indented {
                    emit("get async throws {")
                    indented {
                        switch property.special {
                        case .length:
                            emit(
                                "try await \(handle).callWhereItLives(PythonRuntime.PythonCallableReference(module: \"builtins\", \"len\"), with: PythonRuntime.PythonArguments(positional: [\(handle)]))"
                            )
                        case .attribute:
                            if let wrapper = wrapper(property.type) {
                                emit(
                                    "\(wrapper).Remote(try await \(handle).attributeObject(\(literal(property.pythonName)), timeout: nil))"
                                )
                            } else if property.type.needsItemConversion {
                                emit(
                                    "let value: PythonRuntime.PythonObject = try await \(handle).attribute(\(literal(property.pythonName)), timeout: nil)"
                                )
                                emit("return " + converting("value", to: property.type))
                            } else {
                                emit("try await \(handle).attribute(\(literal(property.pythonName)), timeout: nil)")
                            }
                        }
                    }
                    emit("}")
                }
                emit("}")
            }
            for item in subscripts where wrapper(item.result) == nil && !item.result.needsItemConversion {
                emit("")
                documentation(["`self[key]` (`\(cls.pythonName).__getitem__`), read where the object lives."])
                emit("public subscript(key: \(remoteText(item.key))) -> \(item.result.rendered) {")
                indented {
                    emit("get async throws {")
                    indented {
                        emit(
                            "try await \(handle).call(\"__getitem__\", arguments: PythonRuntime.PythonArguments(positional: [key]), timeout: nil)"
                        )
                    }
                    emit("}")
                }
                emit("}")
            }
            for (member, owner) in members {
                remoteMember(member, owner: owner, cls: cls, module: module, handle: handle)
            }
        }
        emit("}")
    }

    private func remoteMember(
        _ function: TranslatedFunction, owner: TranslatedClass, cls: TranslatedClass, module: TranslatedModule,
        handle: String
    ) {
        chooseArgumentsVariable(for: function)
        // A parameter named like the stored handle (`prepare_tag_handle(handle)`) would shadow it.
        let handle = function.parameters.contains { $0.name == handle } ? "self.\(handle)" : handle
        let qualifiedPython = "\(module.pythonName).\(owner.pythonName).\(function.pythonName)"
        let own = cls.selfType(namespace: module.swiftName).rendered
        let parameters = function.parameters.map(remoteParameterText).joined(separator: ", ")
        let returns = function.result == .void ? "" : " -> \(remoteText(function.result))"
        let isStatic = function.kind == .staticFunction || function.kind == .classFunction
        let doc =
            (function.doc.first.map { [$0, ""] } ?? []) + [
                "Runs `\(qualifiedPython)` \(isStatic ? "on the executor" : "where the object lives").",
                "- Throws: the executor's errors (a remote exception, a lost object, a timeout) or `PythonError` if the "
                    + "result does not convert.",
            ]
        switch function.kind {
        case .initializer:
            return
        case .method, .callAsFunction:
            let name = function.kind == .callAsFunction ? "__call__" : function.pythonName
            emit("")
            documentation(doc)
            emit("public func \(function.swiftName)\(generics(function))(\(parameters)) async throws\(returns) {")
            indented {
                collectArguments(function)
                returnRemote(
                    function, call: "\(handle).call(\(literal(name)), arguments: \(argumentsVariable), timeout: nil)",
                    object:
                        "\(handle).callReturningObject(\(literal(name)), arguments: \(argumentsVariable), timeout: nil)"
                )
            }
            emit("}")
        case .binaryOperator, .prefixOperator:
            guard let operation = function.callee.operation.flatMap({ Self.operatorFunctions[$0] }) else { return }
            // A Swift operator needs one operand of the enclosing type.
            guard function.parameters.contains(where: { wrapper($0.type) == own }) else { return }
            let prefix = function.kind == .prefixOperator ? "prefix " : ""
            let receiver = function.parameters.first { wrapper($0.type) == own }!.name
            emit("")
            documentation(
                ["`\(function.swiftName)` (Python's `operator.\(operation)`), run where the operands live."]
                    + doc.suffix(1))
            emit("public static \(prefix)func \(function.swiftName) (\(parameters)) async throws\(returns) {")
            indented {
                collectArguments(function)
                let reference = "PythonRuntime.PythonCallableReference(module: \"operator\", \(literal(operation)))"
                returnRemote(
                    function, call: "\(receiver).\(handle).callWhereItLives(\(reference), with: \(argumentsVariable))",
                    object:
                        "\(receiver).\(handle).callWhereItLivesReturningObject(\(reference), with: \(argumentsVariable))"
                )
            }
            emit("}")
        case .staticFunction, .classFunction:
            let executor = "on executor: any PythonRuntime.PythonCallExecutor"
            let all = ([executor] + (parameters.isEmpty ? [] : [parameters])).joined(separator: ", ")
            emit("")
            documentation(doc)
            emit("public static func \(function.swiftName)\(generics(function))(\(all)) async throws\(returns) {")
            indented {
                collectArguments(function)
                let reference = "\(module.swiftName).\(owner.referenceHolder).\(function.callee.reference ?? "")"
                returnRemote(
                    function, call: "executor.call(\(reference), with: \(argumentsVariable))",
                    object: "executor.makeObject(\(reference), with: \(argumentsVariable))")
            }
            emit("}")
        }
    }

    func collectArguments(_ function: TranslatedFunction) {
        let operands = function.kind == .binaryOperator || function.kind == .prefixOperator
        if function.parameters.isEmpty {
            emit("let \(argumentsVariable) = PythonRuntime.PythonArguments()")
        } else if operands {
            emit("var \(argumentsVariable) = PythonRuntime.PythonArguments()")
            for parameter in function.parameters {
                emit("try \(argumentsVariable).append(\(Naming.escaped(parameter.name)))")
            }
        } else {
            emit("var \(argumentsVariable) = PythonRuntime.PythonArguments()")
            appendArguments(function)
        }
    }

    /// The return statement: a remote handle for a wrapper-class result, else the converted value.
    private func returnRemote(_ function: TranslatedFunction, call: String, object: String) {
        if let wrapper = wrapper(function.result) {
            emit("return \(wrapper).Remote(try await \(object))")
        } else {
            emitResult(CallPlan(for: function).result, of: function.result, call: call, effects: "try await")
        }
    }

}
