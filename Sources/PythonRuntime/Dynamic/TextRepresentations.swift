import CPython

extension PythonObject: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(self)`.
    /// - Throws: ``PythonError`` if `__str__` raises.
    public func pythonString() throws(PythonError) -> String {
        try Python.withGIL { () throws(PythonError) -> String in
            let text = try PythonObject(checkingNew: PyObject_Str(pointer))
            return try String(pythonReference: text.pointer)
        }
    }

    /// `repr(self)`.
    /// - Throws: ``PythonError`` if `__repr__` raises.
    public func pythonRepr() throws(PythonError) -> String {
        try Python.withGIL { () throws(PythonError) -> String in
            let text = try PythonObject(checkingNew: PyObject_Repr(pointer))
            return try String(pythonReference: text.pointer)
        }
    }

    /// `str(self)`, or a placeholder naming the error if `__str__` raises.
    public var description: String {
        do {
            return try pythonString()
        } catch {
            return "<\(typeName) object: str() raised \(error)>"
        }
    }

    /// `repr(self)`, or a placeholder naming the error if `__repr__` raises.
    public var debugDescription: String {
        do {
            return try pythonRepr()
        } catch {
            return "<\(typeName) object: repr() raised \(error)>"
        }
    }
}
