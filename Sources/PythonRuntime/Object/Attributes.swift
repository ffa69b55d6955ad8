import CPython

extension PythonObject {
    /// Reads an attribute, like Python's `object.name`.
    /// - Throws: ``PythonError`` (usually `AttributeError`) if the attribute does not exist.
    public subscript(dynamicMember name: String) -> PythonObject {
        get throws(PythonError) { try attribute(name) }
    }

    /// Reads an attribute, like Python's `getattr(object, name)`.
    /// - Parameter name: The attribute name.
    /// - Throws: ``PythonError`` (usually `AttributeError`) if the attribute does not exist.
    public func attribute(_ name: String) throws(PythonError) -> PythonObject {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: name.withCString { PyObject_GetAttrString(pointer, $0) })
        }
    }

    /// Sets an attribute, like Python's `setattr(object, name, value)`.
    /// - Throws: ``PythonError`` if Python refuses the assignment.
    public func setAttribute(_ name: String, to value: some ConvertibleToPython) throws(PythonError) {
        try Python.withGIL { () throws(PythonError) in
            let newValue = try value.pythonReference()
            defer { pyshim_DecRef(newValue) }
            guard name.withCString({ PyObject_SetAttrString(pointer, $0, newValue) }) == 0 else {
                throw PythonError.fetch()
            }
        }
    }

    /// Whether the object has an attribute, like Python's `hasattr(object, name)`.
    public func hasAttribute(_ name: String) -> Bool {
        Python.withGIL { name.withCString { PyObject_HasAttrString(pointer, $0) } == 1 }
    }
}
