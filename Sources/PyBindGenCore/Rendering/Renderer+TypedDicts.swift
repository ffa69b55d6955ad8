/// The structs of a module's `TypedDict`s, converting to and from a `dict` key by key.
extension Renderer {
    func typedDictStruct(_ typedDict: TypedDictStruct) {
        let keys = typedDict.fields.map { "`\($0.pythonName)`" + ($0.isRequired ? "" : " (may be missing)") }
        documentation([
            "The `TypedDict` `\(typedDict.pythonName)`: a `dict` with the keys " + keys.joined(separator: ", ") + ".",
            "",
            "A key that may be missing is optional here and left out of the dict when `nil`.",
        ])
        emit(
            "public struct \(typedDict.name): PythonRuntime.ConvertibleToPython, PythonRuntime.ConvertibleFromPython {")
        indented {
            for field in typedDict.fields {
                emit("/// `\(field.pythonName)`.")
                emit("public var \(Naming.escaped(field.swiftName)): \(field.storedType.rendered)")
            }
            emit("")
            emit("/// A value with these keys.")
            let parameters = typedDict.fields.map { field in
                "\(Naming.escaped(field.swiftName)): \(field.storedType.rendered)" + (field.isRequired ? "" : " = nil")
            }
            emit("public init(\(parameters.joined(separator: ", "))) {")
            indented {
                for field in typedDict.fields {
                    emit("self.\(Naming.escaped(field.swiftName)) = \(Naming.escaped(field.swiftName))")
                }
            }
            emit("}")
            emit("")
            emit("/// Reads a `dict` with the keys.")
            emit(
                "/// - Throws: `PythonError` if it is no `dict`, a required key is missing or a value does not convert."
            )
            emit(
                "public init(pythonReference object: PythonRuntime.PyObjectPointer) throws(PythonRuntime.PythonError) {"
            )
            indented {
                emit(
                    "let dictionary = try PythonRuntime.PythonTypedDictionary(reading: object, as: \(literal(typedDict.name)))"
                )
                for field in typedDict.fields {
                    let key = literal(field.pythonName)
                    if field.isRequired {
                        emit("self.\(Naming.escaped(field.swiftName)) = try dictionary.value(\(key))")
                    } else if case .optional = field.type {
                        // Missing and `None` are both `nil`.
                        emit(
                            "self.\(Naming.escaped(field.swiftName)) = (try dictionary.valueIfPresent(\(key)) as \(field.type.rendered)?) ?? nil"
                        )
                    } else {
                        emit("self.\(Naming.escaped(field.swiftName)) = try dictionary.valueIfPresent(\(key))")
                    }
                }
            }
            emit("}")
            emit("")
            emit("/// A new `dict` with the keys.")
            emit("public func pythonReference() throws(PythonRuntime.PythonError) -> PythonRuntime.PyObjectPointer {")
            indented {
                emit(
                    "let dictionary = try PythonRuntime.PythonTypedDictionary(building: \(literal(typedDict.name)))")
                for field in typedDict.fields {
                    let key = literal(field.pythonName)
                    if field.isRequired {
                        emit("try dictionary.set(\(key), self.\(Naming.escaped(field.swiftName)))")
                    } else {
                        let name = Naming.escaped(field.swiftName)
                        emit("if let value = self.\(name) { try dictionary.set(\(key), value) }")
                    }
                }
                emit("return try dictionary.newReference()")
            }
            emit("}")
        }
        emit("}")
    }
}
