import CPython

extension Dictionary: ConvertibleToPython where Key: ConvertibleToPython, Value: ConvertibleToPython {
    /// Becomes a `dict`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        let dictionary = try PythonObject(checkingNew: PyDict_New())
        for (key, value) in self {
            let pythonKey = PythonObject(owning: try key.pythonReference())
            let pythonValue = PythonObject(owning: try value.pythonReference())
            guard PyDict_SetItem(dictionary.pointer, pythonKey.pointer, pythonValue.pointer) == 0 else {
                throw PythonError.fetch().adding(context: "key \(PythonError.shortRepr(pythonKey.pointer))")
            }
        }
        return try dictionary.pythonReference()
    }
}

extension Dictionary: ConvertibleFromPython where Key: ConvertibleFromPython, Value: ConvertibleFromPython {
    /// Accepts a `dict` (or subclass). Keys that collide after conversion keep the last value.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard pyshim_DictCheck(object) != 0 else { throw PythonError.conversion(expected: "dict", got: object) }
        self = [:]
        reserveCapacity(PyDict_Size(object))
        var position = 0
        var key: PyObjectPointer?
        var value: PyObjectPointer?
        while PyDict_Next(object, &position, &key, &value) != 0 {
            let swiftKey: Key
            do {
                swiftKey = try Key(pythonReference: key!)
            } catch {
                throw error.adding(context: "key \(PythonError.shortRepr(key!))")
            }
            do {
                self[swiftKey] = try Value(pythonReference: value!)
            } catch {
                throw error.adding(context: "value for key \(PythonError.shortRepr(key!))")
            }
        }
    }
}

extension Set: ConvertibleToPython where Element: ConvertibleToPython {
    /// Becomes a `set`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        let set = try PythonObject(checkingNew: PySet_New(nil))
        for element in self {
            let item = PythonObject(owning: try element.pythonReference())
            guard PySet_Add(set.pointer, item.pointer) == 0 else { throw PythonError.fetch() }
        }
        return try set.pythonReference()
    }
}

extension Set: ConvertibleFromPython where Element: ConvertibleFromPython {
    /// Accepts a `set` or `frozenset`.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard pyshim_AnySetCheck(object) != 0 else { throw PythonError.conversion(expected: "set", got: object) }
        self = Set(try IterableConversion.elements(of: object, expected: "set") as [Element])
    }
}
