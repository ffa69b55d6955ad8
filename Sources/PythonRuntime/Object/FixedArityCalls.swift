import CPython

// Fixed-arity overloads of `call` for the common cases: no parameter-pack bookkeeping, arguments on the stack.
// Generated bindings go through these, so they are the hot path.

extension PythonObject {
    /// Calls the object with no arguments and converts the result, under one GIL acquisition.
    /// - Throws: ``PythonError`` if the call raises or the result does not convert to `Result`.
    @inlinable
    public func call<Result: ConvertibleFromPython>() throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let result = try PythonObject.checked(pyshim_Vectorcall(pointer, nil, 0, nil))
            defer { pyshim_DecRef(result) }
            return try Result(pythonReference: result)
        }
    }

    /// Calls the object with one argument and converts the result, under one GIL acquisition.
    /// - Throws: ``PythonError`` if the argument does not convert, the call raises, or the result does not
    ///   convert to `Result`.
    @inlinable
    public func call<First: ConvertibleToPython, Result: ConvertibleFromPython>(
        _ first: First
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let result = try callHoldingGIL(first)
            defer { pyshim_DecRef(result) }
            return try Result(pythonReference: result)
        }
    }

    /// Calls the object with two arguments and converts the result, under one GIL acquisition.
    /// - Throws: ``PythonError`` if an argument does not convert, the call raises, or the result does not
    ///   convert to `Result`.
    @inlinable
    public func call<First: ConvertibleToPython, Second: ConvertibleToPython, Result: ConvertibleFromPython>(
        _ first: First, _ second: Second
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let result = try callHoldingGIL(first, second)
            defer { pyshim_DecRef(result) }
            return try Result(pythonReference: result)
        }
    }

    /// One-argument vectorcall; the caller holds the GIL. Returns a new reference.
    @inlinable
    public func callHoldingGIL<First: ConvertibleToPython>(_ first: First) throws(PythonError) -> PyObjectPointer {
        var argument: PyObjectPointer? = try first.pythonReference()
        let result = withUnsafePointer(to: &argument) { pyshim_Vectorcall(pointer, $0, 1, nil) }
        pyshim_DecRef(argument.unsafelyUnwrapped)
        return try PythonObject.checked(result)
    }

    /// Two-argument vectorcall; the caller holds the GIL. Returns a new reference.
    @inlinable
    public func callHoldingGIL<First: ConvertibleToPython, Second: ConvertibleToPython>(
        _ first: First, _ second: Second
    ) throws(PythonError) -> PyObjectPointer {
        let firstReference = try first.pythonReference()
        let secondReference: PyObjectPointer
        do {
            secondReference = try second.pythonReference()
        } catch {
            pyshim_DecRef(firstReference)
            throw error
        }
        var arguments: (PyObjectPointer?, PyObjectPointer?) = (firstReference, secondReference)
        let result = withUnsafeMutableBytes(of: &arguments) {
            pyshim_Vectorcall(pointer, $0.baseAddress!.assumingMemoryBound(to: PyObjectPointer?.self), 2, nil)
        }
        pyshim_DecRef(firstReference)
        pyshim_DecRef(secondReference)
        return try PythonObject.checked(result)
    }

    /// Returns `pointer`, or throws the exception Python set when a C-API call returned `NULL`.
    @inlinable
    static func checked(_ pointer: PyObjectPointer?) throws(PythonError) -> PyObjectPointer {
        guard let pointer else { throw PythonError.fetch() }
        return pointer
    }
}
