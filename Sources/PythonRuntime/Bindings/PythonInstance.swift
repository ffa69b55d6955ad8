import CPython

/// The base class of generated wrapper classes (`PyDatetime.Date`, …): a typed view of one Python object.
///
/// Converting a Python object to a wrapper checks `isinstance` against the wrapped Python class, so a wrong
/// value is a ``PythonError`` naming the expected and the actual type.
open class PythonInstance: @unchecked Sendable, PythonConvertible, CustomStringConvertible {
    /// The wrapped Python object.
    public let object: PythonObject

    /// The Python class instances must belong to; generated subclasses override it.
    open class var pythonClass: PythonCallableReference? { nil }

    /// Wraps an object known to have the right type (generated constructors use it).
    public init(unchecked object: PythonObject) {
        self.object = object
    }

    /// Wraps a borrowed object after checking it is an instance of ``pythonClass``. The caller holds the GIL.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/conversionFailed`` naming both types.
    public required init(pythonReference object: PyObjectPointer) throws(PythonError) {
        if let expected = Self.pythonClass {
            let check = PyObject_IsInstance(object, try expected.resolvedHoldingGIL())
            if check < 0 { throw PythonError.fetch() }
            if check == 0 { throw PythonError.conversion(expected: expected.qualifiedName, got: object) }
        }
        self.object = PythonObject(borrowing: object)
    }

    /// A new reference to the wrapped object.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try object.pythonReference()
    }

    /// Reads an attribute and converts it, naming the attribute if the conversion fails.
    /// - Throws: ``PythonError`` if the attribute is missing or does not convert to `Value`.
    public func attribute<Value: ConvertibleFromPython>(_ name: String) throws(PythonError) -> Value {
        do {
            return try object.attribute(name).converted()
        } catch  where error.code != .pythonException {
            throw error.adding(context: "\(Self.pythonClass?.qualifiedName ?? "object").\(name)")
        }
    }

    /// `str()` of the wrapped object.
    public var description: String { object.description }
}

/// Python's binary operators, for generated operator functions.
public enum PythonBinaryOperator: Sendable {
    case add, subtract, multiply, trueDivide, floorDivide, remainder, power, and, or, xor, leftShift, rightShift
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual

    /// Applies the operator with Python's full dispatch (`__add__`, then the reflected `__radd__`, …) and
    /// converts the result.
    /// - Throws: ``PythonError`` if Python raises or the result does not convert to `Result`.
    public func apply<Result: ConvertibleFromPython>(
        _ lhs: some ConvertibleToPython, _ rhs: some ConvertibleToPython
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let left = try PythonObject(lhs)
            let right = try PythonObject(rhs)
            let result: PyObjectPointer?
            switch self {
            case .add: result = PyNumber_Add(left.pointer, right.pointer)
            case .subtract: result = PyNumber_Subtract(left.pointer, right.pointer)
            case .multiply: result = PyNumber_Multiply(left.pointer, right.pointer)
            case .trueDivide: result = PyNumber_TrueDivide(left.pointer, right.pointer)
            case .floorDivide: result = PyNumber_FloorDivide(left.pointer, right.pointer)
            case .remainder: result = PyNumber_Remainder(left.pointer, right.pointer)
            case .power: result = PyNumber_Power(left.pointer, right.pointer, pyshim_None())
            case .and: result = PyNumber_And(left.pointer, right.pointer)
            case .or: result = PyNumber_Or(left.pointer, right.pointer)
            case .xor: result = PyNumber_Xor(left.pointer, right.pointer)
            case .leftShift: result = PyNumber_Lshift(left.pointer, right.pointer)
            case .rightShift: result = PyNumber_Rshift(left.pointer, right.pointer)
            case .less: result = PyObject_RichCompare(left.pointer, right.pointer, Py_LT)
            case .lessOrEqual: result = PyObject_RichCompare(left.pointer, right.pointer, Py_LE)
            case .greater: result = PyObject_RichCompare(left.pointer, right.pointer, Py_GT)
            case .greaterOrEqual: result = PyObject_RichCompare(left.pointer, right.pointer, Py_GE)
            case .equal: result = PyObject_RichCompare(left.pointer, right.pointer, Py_EQ)
            case .notEqual: result = PyObject_RichCompare(left.pointer, right.pointer, Py_NE)
            }
            let object = try PythonObject(checkingNew: result)
            return try Result(pythonReference: object.pointer)
        }
    }
}

/// Python's unary operators, for generated operator functions.
public enum PythonUnaryOperator: Sendable {
    case negative, positive, invert, absolute

    /// Applies the operator and converts the result.
    /// - Throws: ``PythonError`` if Python raises or the result does not convert to `Result`.
    public func apply<Result: ConvertibleFromPython>(_ operand: some ConvertibleToPython) throws(PythonError) -> Result
    {
        try Python.withGIL { () throws(PythonError) -> Result in
            let value = try PythonObject(operand)
            let result: PyObjectPointer?
            switch self {
            case .negative: result = PyNumber_Negative(value.pointer)
            case .positive: result = PyNumber_Positive(value.pointer)
            case .invert: result = PyNumber_Invert(value.pointer)
            case .absolute: result = PyNumber_Absolute(value.pointer)
            }
            let object = try PythonObject(checkingNew: result)
            return try Result(pythonReference: object.pointer)
        }
    }
}
