import CPython

/// Range-checked integer conversions shared by every fixed-width integer type.
@usableFromInline
enum IntegerConversion {
    /// Reads a Python `int` (or an object with `__index__`) as a signed 64-bit value. GIL held.
    @inlinable
    static func signed<Target: FixedWidthInteger & SignedInteger>(
        _ object: PyObjectPointer, as target: Target.Type
    ) throws(PythonError) -> Target {
        guard pyshim_LongCheck(object) != 0 else {
            let index = try indexValue(object, expected: "int")
            defer { pyshim_DecRef(index) }
            return try signed(index, as: target)
        }
        var overflow: Int32 = 0
        let value = PyLong_AsLongLongAndOverflow(object, &overflow)
        if overflow == 0 {
            if value == -1, PyErr_Occurred() != nil { throw PythonError.fetch() }
            if let exact = Target(exactly: value) { return exact }
        }
        throw PythonError.overflow(object, swiftType: "\(Target.self)")
    }

    /// Reads a Python `int` (or an object with `__index__`) as an unsigned 64-bit value. GIL held.
    @inlinable
    static func unsigned<Target: FixedWidthInteger & UnsignedInteger>(
        _ object: PyObjectPointer, as target: Target.Type
    ) throws(PythonError) -> Target {
        guard pyshim_LongCheck(object) != 0 else {
            let index = try indexValue(object, expected: "int")
            defer { pyshim_DecRef(index) }
            return try unsigned(index, as: target)
        }
        let value = PyLong_AsUnsignedLongLong(object)
        if value == UInt64.max, PyErr_Occurred() != nil {
            PyErr_Clear()
            throw PythonError.overflow(object, swiftType: "\(Target.self)")
        }
        guard let exact = Target(exactly: value) else {
            throw PythonError.overflow(object, swiftType: "\(Target.self)")
        }
        return exact
    }

    /// `operator.index(object)` as a new reference, or a conversion error naming `expected`. GIL held.
    @usableFromInline
    static func indexValue(_ object: PyObjectPointer, expected: String) throws(PythonError) -> PyObjectPointer {
        guard PyIndex_Check(object) != 0, let index = PyNumber_Index(object) else {
            PyErr_Clear()
            throw PythonError.conversion(expected: expected, got: object)
        }
        return index
    }
}

extension Int: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(self)! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        if pyshim_LongCheckExact(object) != 0 {
            var overflow: Int32 = 0
            let value = PyLong_AsLongAndOverflow(object, &overflow)
            if overflow == 0, value != -1 || PyErr_Occurred() == nil {
                self = value
                return
            }
        }
        self = try IntegerConversion.signed(object, as: Int.self)
    }
}

extension Int8: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(Int(self))! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.signed(object, as: Int8.self)
    }
}

extension Int16: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(Int(self))! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.signed(object, as: Int16.self)
    }
}

extension Int32: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(Int(self))! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.signed(object, as: Int32.self)
    }
}

extension Int64: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLongLong(self)! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.signed(object, as: Int64.self)
    }
}

extension UInt: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer {
        PyLong_FromUnsignedLongLong(UInt64(self))!
    }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.unsigned(object, as: UInt.self)
    }
}

extension UInt8: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(Int(self))! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.unsigned(object, as: UInt8.self)
    }
}

extension UInt16: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(Int(self))! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.unsigned(object, as: UInt16.self)
    }
}

extension UInt32: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer { PyLong_FromLong(Int(self))! }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.unsigned(object, as: UInt32.self)
    }
}

extension UInt64: PythonConvertible {
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer {
        PyLong_FromUnsignedLongLong(self)!
    }
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self = try IntegerConversion.unsigned(object, as: UInt64.self)
    }
}
