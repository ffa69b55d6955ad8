import CPython

/// The `dict` behind a generated `TypedDict` struct: read key by key when Python gives one, built key by key
/// when Swift passes one. The caller holds the GIL (generated conversions run inside calls).
public struct PythonTypedDictionary {
    /// The `dict`.
    public let object: PythonObject
    /// The struct's name, for errors: `Movie`.
    public let typeName: String

    /// Reads `reference`, which must be a `dict` (or subclass).
    /// - Throws: ``PythonError`` with code ``PythonError/Code/conversionFailed`` if it is not.
    public init(reading reference: PyObjectPointer, as typeName: String) throws(PythonError) {
        guard pyshim_DictCheck(reference) != 0 else {
            throw PythonError.conversion(expected: "dict (the TypedDict \(typeName))", got: reference)
        }
        object = PythonObject(borrowing: reference)
        self.typeName = typeName
    }

    /// A new, empty `dict` for `typeName`.
    /// - Throws: ``PythonError`` if Python cannot allocate it.
    public init(building typeName: String) throws(PythonError) {
        object = try PythonObject(checkingNew: PyDict_New())
        self.typeName = typeName
    }

    /// The value of a required key.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/conversionFailed`` naming the key if it is missing
    ///   or its value does not convert.
    public func value<Value: ConvertibleFromPython>(_ key: String) throws(PythonError) -> Value {
        guard let value: Value = try valueIfPresent(key) else {
            throw PythonError(
                code: .conversionFailed, typeName: "KeyError",
                message: "\(typeName) needs the key '\(key)', which the dict does not have")
        }
        return value
    }

    /// The value of a key that may be missing (`NotRequired`, or a `total=False` TypedDict).
    /// - Throws: ``PythonError`` naming the key if its value does not convert.
    public func valueIfPresent<Value: ConvertibleFromPython>(_ key: String) throws(PythonError) -> Value? {
        let name = PythonObject(owning: try key.pythonReference())
        guard let item = PyDict_GetItemWithError(object.pointer, name.pointer) else {
            if PyErr_Occurred() != nil { throw PythonError.fetch() }
            return nil
        }
        do {
            return try Value(pythonReference: item)
        } catch {
            throw error.adding(context: "\(typeName)['\(key)']")
        }
    }

    /// Sets `key` to `value`.
    /// - Throws: ``PythonError`` if the value does not convert.
    public func set(_ key: String, _ value: some ConvertibleToPython) throws(PythonError) {
        let name = PythonObject(owning: try key.pythonReference())
        let item = PythonObject(owning: try value.pythonReference())
        guard PyDict_SetItem(object.pointer, name.pointer, item.pointer) == 0 else { throw PythonError.fetch() }
    }

    /// A new strong reference to the `dict`.
    public func newReference() throws(PythonError) -> PyObjectPointer {
        try object.pythonReference()
    }
}
