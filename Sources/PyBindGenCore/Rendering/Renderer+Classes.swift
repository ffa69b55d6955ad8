/// Wrapper classes: the class declaration, its properties, subscripts, iteration and members.
extension Renderer {
    func classDeclaration(_ cls: TranslatedClass, module: TranslatedModule) {
        var doc = cls.doc.map { [$0] } ?? ["The Python class `\(module.pythonName).\(cls.pythonName)`."]
        if cls.isGeneric {
            let parameters = cls.typeParameters.map { "`\(TypeTranslator.genericName($0))`" }
            doc += [
                "",
                "Generic like the Python class: \(parameters.joined(separator: ", ")) "
                    + "\(parameters.count == 1 ? "stands" : "stand") for the Python type "
                    + "\(parameters.count == 1 ? "variable" : "variables") "
                    + cls.typeParameters.map { "`\($0)`" }.joined(separator: ", ")
                    + " (`PythonObject` where the items are of any type).",
            ]
        }
        documentation(doc)
        let superclass = cls.superclass ?? "PythonRuntime.PythonInstance"
        emit(
            "public \(cls.isFinal ? "final " : "")class \(cls.swiftName)\(cls.genericClause): \(superclass), @unchecked Sendable {"
        )
        indented {
            emit("/// The Python class `\(module.pythonName).\(cls.pythonName)`.")
            emit(
                "override public class var pythonClass: PythonRuntime.PythonCallableReference? { \(cls.isGeneric ? cls.qualifiedReferenceHolder(namespace: module.swiftName) + "." : "")_\(cls.swiftName)_class }"
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
                                property.reference.map {
                                    "\(cls.qualifiedReferenceHolder(namespace: module.swiftName)).\($0)"
                                } ?? literal(property.pythonName)
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
            for member in cls.members where cls.fixedArguments(of: member) == nil {
                emit("")
                function(
                    member, qualifiedPython: "\(module.pythonName).\(cls.pythonName).\(member.pythonName)", owner: cls)
            }
        }
        emit("}")
    }

    /// For a generic class, the initializers declared for particular arguments (``TranslatedClass/
    /// constrainedInitializers``), each group in an extension where the parameters are those: an overload the
    /// stub states for `Counter[str]` makes a `Counter<String>` (`Counter(kwargs: ["a": 1])`), and the
    /// initializers whose arguments do not fix the parameters are there again for `PythonObject` (Python's
    /// `Counter[Any]`), so `Counter()` and `zip(a, b)` compile without naming them while `Counter<String>()` is
    /// still the typed one (Swift prefers the extension's more specialized initializer only where both apply).
    func openInitializers(_ cls: TranslatedClass, module: TranslatedModule) {
        for (arguments, initializers) in cls.constrainedInitializers {
            let constraints = zip(cls.typeParameters, arguments).map { parameter, argument in
                "\(TypeTranslator.genericName(parameter)) == \(argument.rendered)"
            }
            emit("")
            emit("extension \(module.swiftName).\(cls.swiftName) where \(constraints.joined(separator: ", ")) {")
            indented {
                rendersConvenienceInitializers = true
                for initializer in initializers {
                    emit("")
                    function(
                        initializer,
                        qualifiedPython: "\(module.pythonName).\(cls.pythonName).\(initializer.pythonName)", owner: cls)
                }
                rendersConvenienceInitializers = false
            }
            emit("}")
        }
    }
}
