import CPython

/// Walks a Python iterator; every step can raise, so `next()` throws.
///
/// ```swift
/// var iterator = try object.makePythonIterator()
/// while let item = try iterator.next() { … }
/// ```
public struct PythonIterator: Sendable {
    private let iterator: PythonObject

    init(_ iterator: PythonObject) {
        self.iterator = iterator
    }

    /// The next item, or `nil` once the iterator is exhausted.
    /// - Throws: ``PythonError`` if the iterator raises anything but `StopIteration`.
    public mutating func next() throws(PythonError) -> PythonObject? {
        try Python.withGIL { () throws(PythonError) -> PythonObject? in
            if let item = PyIter_Next(iterator.pointer) { return PythonObject(owning: item) }
            if PyErr_Occurred() != nil { throw PythonError.fetch() }
            return nil
        }
    }
}

extension PythonObject {
    /// `iter(self)`.
    /// - Throws: ``PythonError`` (`TypeError`) if the object is not iterable.
    public func makePythonIterator() throws(PythonError) -> PythonIterator {
        try Python.withGIL { () throws(PythonError) -> PythonIterator in
            PythonIterator(try PythonObject(checkingNew: PyObject_GetIter(pointer)))
        }
    }

    /// All items of the iterable, in order (`list(self)`).
    /// - Throws: ``PythonError`` if the object is not iterable or iteration raises.
    public func elements() throws(PythonError) -> [PythonObject] {
        try Python.withGIL { () throws(PythonError) -> [PythonObject] in
            try IterableConversion.elements(of: pointer, expected: "iterable")
        }
    }
}
