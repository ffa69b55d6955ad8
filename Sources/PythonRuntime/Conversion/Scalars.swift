import CPython

extension Bool: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer {
        let object = self ? pyshim_True()! : pyshim_False()!
        pyshim_IncRef(object)
        return object
    }

    /// Accepts only `bool` (`True`/`False`); integers and other truthy values are a conversion error.
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard pyshim_BoolCheck(object) != 0 else { throw PythonError.conversion(expected: "bool", got: object) }
        self = object == pyshim_True()
    }
}

extension Double: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyFloat_FromDouble(self)! }

    /// Accepts `float`, `int` (an int too large for a Double is an overflow error) and objects with `__float__`.
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        if pyshim_FloatCheckExact(object) != 0 {
            self = PyFloat_AsDouble(object)
            return
        }
        self = try FloatingConversion.double(object)
    }
}

extension Float: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer {
        PyFloat_FromDouble(Double(self))!
    }

    /// Converts through `Double`; a finite value outside `Float`'s range is an overflow error.
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        let value = try Double(pythonReference: object)
        let narrowed = Float(value)
        if narrowed.isInfinite, value.isFinite {
            throw PythonError(
                code: .integerOverflow, typeName: "OverflowError", message: "float \(value) does not fit in Float")
        }
        self = narrowed
    }
}

@usableFromInline
enum FloatingConversion {
    /// The slow path of `Double` conversion. GIL held.
    @usableFromInline
    static func double(_ object: PyObjectPointer) throws(PythonError) -> Double {
        let numberMethods = pyshim_Type(object).pointee.tp_as_number
        let convertible =
            pyshim_FloatCheck(object) != 0 || pyshim_LongCheck(object) != 0
            || numberMethods?.pointee.nb_float != nil || numberMethods?.pointee.nb_index != nil
        guard convertible else { throw PythonError.conversion(expected: "float", got: object) }
        let value = PyFloat_AsDouble(object)
        if value == -1, PyErr_Occurred() != nil {
            let error = PythonError.fetch()
            if error.typeName == "OverflowError" {
                throw PythonError(code: .integerOverflow, typeName: "OverflowError", message: error.message)
            }
            throw error
        }
        return value
    }
}
