import CPython
@_exported import ComplexModule
@_exported import RealModule

/// `complex` ↔ `Complex<Double>` (swift-numerics).
extension Complex: ConvertibleToPython where RealType == Double {
    /// A Python `complex` with the same real and imaginary parts.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        guard let object = PyComplex_FromDoubles(real, imaginary) else { throw PythonError.fetch() }
        return object
    }
}

extension Complex: ConvertibleFromPython where RealType == Double {
    /// Accepts `complex`, `float`, `int` and objects with `__complex__`, `__float__` or `__index__`; anything else
    /// is a conversion error naming the type found.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        let numberMethods = pyshim_Type(object).pointee.tp_as_number
        let convertible =
            PyObject_HasAttrString(object, "__complex__") != 0 || pyshim_FloatCheck(object) != 0
            || pyshim_LongCheck(object) != 0 || numberMethods?.pointee.nb_float != nil
            || numberMethods?.pointee.nb_index != nil
        guard convertible else { throw PythonError.conversion(expected: "complex", got: object) }
        let value = PyComplex_AsCComplex(object)
        if value.real == -1, PyErr_Occurred() != nil { throw PythonError.fetch() }
        self.init(value.real, value.imag)
    }
}
