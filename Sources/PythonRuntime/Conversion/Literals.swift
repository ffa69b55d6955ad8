import CPython

extension PythonObject: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByStringLiteral, ExpressibleByNilLiteral
{
    /// A Python `int`.
    public init(integerLiteral value: Int) {
        self = Python.withGIL { PythonObject(owning: PyLong_FromLong(value)!) }
    }

    /// A Python `float`.
    public init(floatLiteral value: Double) {
        self = Python.withGIL { PythonObject(owning: PyFloat_FromDouble(value)!) }
    }

    /// `True` or `False`.
    public init(booleanLiteral value: Bool) {
        self = Python.withGIL { PythonObject(borrowing: value ? pyshim_True() : pyshim_False()) }
    }

    /// A Python `str`.
    public init(stringLiteral value: String) {
        self = Python.withGIL { (try? value.pythonReference()).map { PythonObject(owning: $0) } ?? Python.none }
    }

    /// `None`.
    public init(nilLiteral: ()) {
        self = Python.none
    }
}
