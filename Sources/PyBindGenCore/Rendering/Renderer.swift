/// Writes the Swift text of a translated module. Output depends only on its input, so it is byte-identical run
/// to run.
final class Renderer {
    var header: [String]
    private var lines: [String] = []
    private var indentation = 0
    /// `, origin: PyX._origin` after every looked-up reference of a module whose origin is recorded, else empty.
    var originArgument = ""
    /// The local variable generated bodies collect arguments in: `arguments`, unless a parameter has that name.
    var argumentsVariable = "arguments"
    /// The namespace enum of the module being rendered (`PyCollections`).
    var namespace = ""
    /// Whether initializers are rendered as `convenience init`s that end in `self.init(unchecked:)` (in an
    /// extension of a generic class).
    var rendersConvenienceInitializers = false

    /// Sets ``argumentsVariable`` for the body of `function`.
    func chooseArgumentsVariable(for function: TranslatedFunction) {
        argumentsVariable = function.parameters.contains { $0.name == "arguments" } ? "pythonArguments" : "arguments"
    }

    init(header: [String]) {
        self.header = header
    }

    func render(_ module: TranslatedModule) -> String {
        lines = header.map { "// " + $0 } + ["// swift-format-ignore-file"]
        namespace = module.swiftName
        emit("")
        emit("import PythonRuntime")
        emit("")
        documentation(module.doc.map { [$0] } ?? ["The Python module `\(module.pythonName)`."])
        emit("public enum \(module.swiftName) {")
        indented {
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
            for literal in module.literals {
                emit("")
                literalEnum(literal, module: module)
            }
            for union in module.unions {
                emit("")
                unionProtocol(union, module: module)
            }
            for typedDict in module.typedDicts {
                emit("")
                typedDictStruct(typedDict)
            }
            for union in module.valueUnions {
                emit("")
                valueUnion(union, module: module)
            }
        }
        emit("}")
        for cls in module.classes {
            emit("")
            emit("extension \(module.swiftName).\(cls.swiftName) {")
            indented { remoteHandle(cls, module: module) }
            emit("}")
            openInitializers(cls, module: module)
        }
        unionConformances(module)
        runtimeSupport(module)
        return lines.joined(separator: "\n") + "\n"
    }

    /// After the API: the Python objects the bodies use, looked up once (`@usableFromInline`, so inlined calls
    /// reach them), and the check that this file and the runtime agree on the generated-code version.
    private func runtimeSupport(_ module: TranslatedModule) {
        emit("")
        emit("// MARK: - PythonRuntime support")
        emit("")
        originArgument = module.origin == nil ? "" : ", origin: \(module.swiftName)._origin"
        supportExtension(
            of: module.swiftName, module: module.pythonName, lookUp: "_module", path: [module.pythonName],
            references: module.references, origin: module.origin)
        for cls in module.classes {
            emit("")
            if cls.isGeneric {
                // A generic class cannot hold stored static properties: a caseless enum beside it does.
                emit("extension \(module.swiftName) {")
                indented {
                    emit("/// The Python objects the members of `\(module.swiftName).\(cls.swiftName)` use.")
                    emit("@usableFromInline enum \(cls.referenceHolder) {")
                    indented {
                        supportReferences(
                            module: module.pythonName, lookUp: "_\(cls.swiftName)_class",
                            path: [module.pythonName, cls.pythonName], references: cls.references)
                    }
                    emit("}")
                }
                emit("}")
                continue
            }
            supportExtension(
                of: "\(module.swiftName).\(cls.swiftName)", module: module.pythonName,
                lookUp: "_\(cls.swiftName)_class",
                path: [module.pythonName, cls.pythonName], references: cls.references)
        }
        emit("")
        emit("/// Compiles only against a PythonRuntime that supports this version of generated code.")
        emit(
            "private struct _GeneratedWithPyBindGenVersion\(GeneratorVersion.generatedCode): PythonRuntime.PyBindGenGeneratedCodeVersion\(GeneratorVersion.generatedCode) {}"
        )
    }

    /// `static let _origin`: the environment and distribution versions the module was generated against.
    private func originDeclaration(_ origin: BindingOrigin, module: String) {
        let environment = origin.environment.map(literal) ?? "nil"
        let distributions =
            origin.distributions.isEmpty
            ? "[:]"
            : "["
                + origin.distributions.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(literal($0.value))" }
                .joined(separator: ", ") + "]"
        emit(
            "@usableFromInline static let _origin = PythonRuntime.PythonBindingOrigin(module: \(literal(module)), environment: \(environment), distributions: \(distributions))"
        )
    }

    func documentation(_ text: [String]) {
        for line in text.flatMap(\.lines) {
            let trimmed = line.hasSuffix(" ") ? String(line.reversed().drop { $0 == " " }.reversed()) : String(line)
            emit(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
    }

    func literal(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    /// `extension Type { … }` holding the object `lookUp` (at `path`) and the references its members use.
    private func supportExtension(
        of type: String, module: String, lookUp: String, path: [String], references: [CallableReference],
        origin: BindingOrigin? = nil
    ) {
        emit("extension \(type) {")
        indented {
            if let origin { originDeclaration(origin, module: module) }
            supportReferences(module: module, lookUp: lookUp, path: path, references: references)
        }
        emit("}")
    }

    /// The `static let`s of the object `lookUp` (at `path`) and of the references its members use.
    private func supportReferences(module: String, lookUp: String, path: [String], references: [CallableReference]) {
        emit(
            "@usableFromInline static let \(lookUp) = PythonRuntime.PythonCallableReference(module: \(path.map(literal).joined(separator: ", "))\(originArgument))"
        )
        for reference in references {
            referenceDeclaration(reference, module: module, access: "@usableFromInline static let")
        }
    }

    func emit(_ line: String) {
        // No blank line right after an opening brace.
        if line.isEmpty, lines.last?.hasSuffix("{") == true { return }
        lines.append(line.isEmpty ? "" : String(repeating: "    ", count: indentation) + line)
    }

    func indented(_ body: () -> Void) {
        indentation += 1
        body()
        indentation -= 1
    }
}
