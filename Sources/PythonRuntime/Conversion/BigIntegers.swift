import BigInt
import CPython

extension BigInt: PythonConvertible {
    /// Converts exactly, at any size.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        let digits = String(self, radix: 16)
        return try PythonObject(checkingNew: digits.withCString { PyLong_FromString($0, nil, 16) }).pythonReference()
    }

    /// Reads a Python `int` (or an object with `__index__`) exactly, at any size.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        let integer = try PythonObject(checkingNew: IntegerConversion.indexValue(object, expected: "int"))
        let hex = try PythonObject(checkingNew: PyNumber_ToBase(integer.pointer, 16))
        let text = try String(pythonReference: hex.pointer)
        let negative = text.hasPrefix("-")
        let digits = text.dropFirst(negative ? 3 : 2)
        guard let magnitude = BigInt(digits, radix: 16) else {
            throw PythonError.conversion(expected: "int", got: object)
        }
        self = negative ? -magnitude : magnitude
    }
}

extension BigUInt: PythonConvertible {
    /// Converts exactly, at any size.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try BigInt(self).pythonReference()
    }

    /// Reads a non-negative Python `int` exactly; a negative one is an overflow error.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        let value = try BigInt(pythonReference: object)
        guard value.sign == .plus else { throw PythonError.overflow(object, swiftType: "BigUInt") }
        self = value.magnitude
    }
}
