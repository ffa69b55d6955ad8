import CPython

/// Attribute reads and method calls at the C API's cost: one GIL acquisition, an interned name, arguments
/// converted on the stack, the result converted straight from the new reference.
extension PythonInstance {
    /// Reads an attribute and converts it, naming the attribute if the conversion fails.
    /// - Throws: ``PythonError`` if the attribute is missing or does not convert to `Value`.
    @inlinable
    public func attribute<Value: ConvertibleFromPython>(_ name: PythonMemberName) throws(PythonError) -> Value {
        try Python.withGIL { () throws(PythonError) -> Value in
            guard let value = PyObject_GetAttr(object.pointer, try name.resolvedHoldingGIL()) else {
                throw PythonError.fetch()
            }
            defer { pyshim_DecRef(value) }
            return try converting(value, member: name)
        }
    }

    /// Calls a method with no arguments. The method is looked up on the object, so an override in a Python
    /// subclass runs, as `object.name()` does in Python.
    /// - Throws: ``PythonError`` if Python raises or the result does not convert to `Result`.
    @inlinable
    public func callMethod<Result: ConvertibleFromPython>(_ name: PythonMemberName) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            guard let result = pyshim_CallMethod0(object.pointer, try name.resolvedHoldingGIL()) else {
                throw PythonError.fetch()
            }
            defer { pyshim_DecRef(result) }
            return try converting(result, member: name)
        }
    }

    /// Calls a method with one positional argument, looked up on the object (overrides run).
    /// - Throws: ``PythonError`` if the argument does not convert, Python raises, or the result does not convert.
    @inlinable
    public func callMethod<First: ConvertibleToPython, Result: ConvertibleFromPython>(
        _ name: PythonMemberName, _ first: First
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let argument = try first.pythonReference()
            defer { pyshim_DecRef(argument) }
            guard let result = pyshim_CallMethod1(object.pointer, try name.resolvedHoldingGIL(), argument) else {
                throw PythonError.fetch()
            }
            defer { pyshim_DecRef(result) }
            return try converting(result, member: name)
        }
    }

    /// Calls a method with arguments collected in a ``PythonArguments``, looked up on the object (overrides run).
    /// - Throws: ``PythonError`` if Python raises or the result does not convert.
    @inlinable
    public func callMethod<Result: ConvertibleFromPython>(
        _ name: PythonMemberName, _ arguments: PythonArguments
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let result = try arguments.callMethod(try name.resolvedHoldingGIL(), on: object.pointer)
            defer { pyshim_DecRef(result) }
            return try converting(result, member: name)
        }
    }

    /// Converts a borrowed result, adding `Class.member` to a conversion error. GIL held.
    @inlinable
    func converting<Value: ConvertibleFromPython>(
        _ value: PyObjectPointer, member name: PythonMemberName
    ) throws(PythonError) -> Value {
        do {
            return try Value(pythonReference: value)
        } catch  where error.code != .pythonException {
            throw error.adding(context: "\(Self.pythonClass?.qualifiedName ?? "object").\(name.name)")
        }
    }
}
