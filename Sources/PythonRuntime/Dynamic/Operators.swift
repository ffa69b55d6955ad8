import CPython

extension PythonObject {
    /// Applies a binary C-API number operation under the GIL.
    @usableFromInline
    static func binary(
        _ lhs: PythonObject, _ rhs: PythonObject,
        _ operation: (PyObjectPointer?, PyObjectPointer?) -> PyObjectPointer?
    ) throws(PythonError) -> PythonObject {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: operation(lhs.pointer, rhs.pointer))
        }
    }

    /// Applies a unary C-API number operation under the GIL.
    static func unary(
        _ operand: PythonObject, _ operation: (PyObjectPointer?) -> PyObjectPointer?
    ) throws(PythonError) -> PythonObject {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: operation(operand.pointer))
        }
    }

    /// Compares with one of Python's rich comparisons under the GIL.
    static func compare(_ lhs: PythonObject, _ rhs: PythonObject, _ operation: Int32) throws(PythonError) -> Bool {
        try Python.withGIL { () throws(PythonError) -> Bool in
            let result = PyObject_RichCompareBool(lhs.pointer, rhs.pointer, operation)
            guard result >= 0 else { throw PythonError.fetch() }
            return result == 1
        }
    }

    /// `lhs + rhs`.
    public static func + (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Add)
    }
    /// `lhs - rhs`.
    public static func - (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Subtract)
    }
    /// `lhs * rhs`.
    public static func * (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Multiply)
    }
    /// `lhs / rhs` (true division).
    public static func / (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_TrueDivide)
    }
    /// `lhs % rhs` (Python's modulo, with the sign of the divisor).
    public static func % (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Remainder)
    }
    /// `lhs & rhs`.
    public static func & (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_And)
    }
    /// `lhs | rhs`.
    public static func | (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Or)
    }
    /// `lhs ^ rhs`.
    public static func ^ (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Xor)
    }
    /// `lhs << rhs`.
    public static func << (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Lshift)
    }
    /// `lhs >> rhs`.
    public static func >> (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> PythonObject {
        try binary(lhs, rhs, PyNumber_Rshift)
    }
    /// `-operand`.
    public static prefix func - (operand: PythonObject) throws(PythonError) -> PythonObject {
        try unary(operand, PyNumber_Negative)
    }
    /// `+operand`.
    public static prefix func + (operand: PythonObject) throws(PythonError) -> PythonObject {
        try unary(operand, PyNumber_Positive)
    }
    /// `~operand`.
    public static prefix func ~ (operand: PythonObject) throws(PythonError) -> PythonObject {
        try unary(operand, PyNumber_Invert)
    }

    /// `lhs < rhs`.
    public static func < (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> Bool {
        try compare(lhs, rhs, Py_LT)
    }
    /// `lhs <= rhs`.
    public static func <= (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> Bool {
        try compare(lhs, rhs, Py_LE)
    }
    /// `lhs > rhs`.
    public static func > (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> Bool {
        try compare(lhs, rhs, Py_GT)
    }
    /// `lhs >= rhs`.
    public static func >= (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> Bool {
        try compare(lhs, rhs, Py_GE)
    }
    /// `lhs == rhs` (Python equality, which may raise).
    public static func == (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> Bool {
        try compare(lhs, rhs, Py_EQ)
    }
    /// `lhs != rhs`.
    public static func != (lhs: PythonObject, rhs: PythonObject) throws(PythonError) -> Bool {
        try compare(lhs, rhs, Py_NE)
    }

    /// `self // divisor` (floor division).
    public func floorDivided(by divisor: PythonObject) throws(PythonError) -> PythonObject {
        try Self.binary(self, divisor, PyNumber_FloorDivide)
    }

    /// `self ** exponent`.
    public func raised(to exponent: PythonObject) throws(PythonError) -> PythonObject {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: PyNumber_Power(pointer, exponent.pointer, pyshim_None()))
        }
    }

    /// `divmod(self, divisor)` as a pair.
    public func quotientAndRemainder(dividingBy divisor: PythonObject) throws(PythonError) -> (
        quotient: PythonObject, remainder: PythonObject
    ) {
        let pair = try Self.binary(self, divisor, PyNumber_Divmod)
        return try pair.tuple(of: PythonObject.self, PythonObject.self)
    }

    /// `element in self`.
    public func contains(_ element: some ConvertibleToPython) throws(PythonError) -> Bool {
        try Python.withGIL { () throws(PythonError) -> Bool in
            let item = PythonObject(owning: try element.pythonReference())
            let result = PySequence_Contains(pointer, item.pointer)
            guard result >= 0 else { throw PythonError.fetch() }
            return result == 1
        }
    }

    /// Python truthiness, `bool(self)`.
    public func isTrue() throws(PythonError) -> Bool {
        try Python.withGIL { () throws(PythonError) -> Bool in
            let result = PyObject_IsTrue(pointer)
            guard result >= 0 else { throw PythonError.fetch() }
            return result == 1
        }
    }
}
