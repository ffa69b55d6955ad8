import CPython

extension PythonObject {
    /// `self[key]`.
    /// - Throws: ``PythonError`` (`KeyError`, `IndexError`, `TypeError`, …) if Python raises.
    @inlinable
    public subscript(key: some ConvertibleToPython) -> PythonObject {
        get throws(PythonError) {
            try Python.withGIL { () throws(PythonError) -> PythonObject in
                let pythonKey = try key.pythonReference()
                defer { pyshim_DecRef(pythonKey) }
                return try PythonObject(checkingNew: PyObject_GetItem(pointer, pythonKey))
            }
        }
    }

    /// `self[key] = value`.
    /// - Throws: ``PythonError`` if Python raises.
    public func setItem(_ key: some ConvertibleToPython, to value: some ConvertibleToPython) throws(PythonError) {
        try Python.withGIL { () throws(PythonError) in
            let pythonKey = PythonObject(owning: try key.pythonReference())
            let pythonValue = PythonObject(owning: try value.pythonReference())
            guard PyObject_SetItem(pointer, pythonKey.pointer, pythonValue.pointer) == 0 else {
                throw PythonError.fetch()
            }
        }
    }

    /// `del self[key]`.
    /// - Throws: ``PythonError`` if Python raises.
    public func deleteItem(_ key: some ConvertibleToPython) throws(PythonError) {
        try Python.withGIL { () throws(PythonError) in
            let pythonKey = PythonObject(owning: try key.pythonReference())
            guard PyObject_DelItem(pointer, pythonKey.pointer) == 0 else { throw PythonError.fetch() }
        }
    }

    /// `len(self)`.
    /// - Throws: ``PythonError`` (`TypeError`) if the object has no length.
    public var length: Int {
        get throws(PythonError) {
            try Python.withGIL { () throws(PythonError) -> Int in
                let length = PyObject_Length(pointer)
                guard length >= 0 else { throw PythonError.fetch() }
                return length
            }
        }
    }
}
