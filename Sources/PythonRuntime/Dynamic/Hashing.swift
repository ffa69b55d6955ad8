import CPython

extension PythonObject {
    /// `hash(self)`.
    /// - Throws: ``PythonError`` (`TypeError`) for an unhashable object (a `list`, a `dict`, …).
    @inlinable
    public func hash() throws(PythonError) -> Int {
        try Python.withGIL { () throws(PythonError) -> Int in
            let value = PyObject_Hash(pointer)
            guard value != -1 || PyErr_Occurred() == nil else { throw PythonError.fetch() }
            return value
        }
    }

    /// This object as a Swift dictionary key or set element, hashed and compared by Python.
    /// - Throws: ``PythonError`` (`TypeError`) for an unhashable object.
    public func hashable() throws(PythonError) -> HashablePythonObject {
        try HashablePythonObject(self)
    }
}

/// A Python object as a Swift `Set` element or `Dictionary` key: hashed with Python's `hash()` and compared with
/// Python's `==`, so `1`, `1.0` and `True` are one key, as in a Python `dict`.
///
/// `PythonObject` itself is not `Hashable`: its `==` is Python's, which can raise, and Swift's `Hashable` cannot.
/// Making the key computes the hash once, so an unhashable object is a ``PythonError`` at that point, never a
/// trap. An `==` that raises while a Swift collection compares two keys counts as "not equal".
public struct HashablePythonObject: Hashable, Sendable, ConvertibleToPython, CustomStringConvertible {
    /// The Python object.
    public let object: PythonObject
    /// `hash(object)`, computed once.
    public let pythonHash: Int

    /// - Throws: ``PythonError`` (`TypeError`) for an unhashable object.
    public init(_ object: PythonObject) throws(PythonError) {
        self.object = object
        pythonHash = try object.hash()
    }

    public static func == (lhs: HashablePythonObject, rhs: HashablePythonObject) -> Bool {
        if lhs.object.isIdentical(to: rhs.object) { return true }
        guard lhs.pythonHash == rhs.pythonHash else { return false }
        return (try? lhs.object == rhs.object) ?? false
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pythonHash)
    }

    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try object.pythonReference()
    }

    public var description: String { object.description }
}

extension PythonInstance {
    /// The wrapped object as a `Set` element or dictionary key, hashed and compared by Python (`__hash__`,
    /// `__eq__`): `Set([try date.hashable(), try other.hashable()])`.
    /// - Throws: ``PythonError`` (`TypeError`) if the object is not hashable.
    public func hashable() throws(PythonError) -> HashablePythonObject {
        try object.hashable()
    }
}
