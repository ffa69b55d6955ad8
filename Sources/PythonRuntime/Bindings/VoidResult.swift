import CPython

/// The result of a Python function that returns `None`: generated code declares such functions as returning
/// `Void` and converts through this type, which accepts any object.
public struct PythonNoneResult: ConvertibleFromPython, Sendable {
    /// Accepts any object (the value is discarded).
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {}
}
