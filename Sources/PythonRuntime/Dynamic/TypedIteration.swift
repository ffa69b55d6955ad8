import CPython

/// A Python iterator read lazily from Swift, converting each item to `Element` as it is taken: what generated
/// code returns for `Iterator[T]` and `Generator[T, …]` results.
///
/// ```swift
/// var counter = try PyItertools.count(start: 10)      // never ends: take what you need
/// while let value = try counter.next(), value < 13 { print(value) }
/// ```
///
/// Every step can raise, so ``next()`` throws; an item of the wrong type is a ``PythonError`` naming its index.
public struct TypedPythonIterator<Element: ConvertibleFromPython>: Sendable {
    /// The Python iterator (`iter(object)`).
    public let iterator: PythonObject
    private var index = 0

    /// Wraps `iter(object)`.
    /// - Throws: ``PythonError`` (`TypeError`) if the object is not iterable.
    public init(_ object: PythonObject) throws(PythonError) {
        iterator = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: PyObject_GetIter(object.pointer))
        }
    }

    /// The next item, converted, or `nil` once the iterator is exhausted.
    /// - Throws: ``PythonError`` if the iterator raises anything but `StopIteration`, or the item does not convert.
    public mutating func next() throws(PythonError) -> Element? {
        let position = index
        index += 1
        return try Python.withGIL { () throws(PythonError) -> Element? in
            guard let item = PyIter_Next(iterator.pointer) else {
                if PyErr_Occurred() != nil { throw PythonError.fetch() }
                return nil
            }
            defer { pyshim_DecRef(item) }
            do throws(PythonError) {
                return try Element(pythonReference: item)
            } catch {
                throw error.code == .pythonException ? error : error.adding(context: "item \(position)")
            }
        }
    }

    /// Every item not taken yet, converted, in order (never returns for an endless iterator).
    /// - Throws: ``PythonError`` as ``next()`` does.
    public mutating func elements() throws(PythonError) -> [Element] {
        var items: [Element] = []
        while let item = try next() { items.append(item) }
        return items
    }
}

extension TypedPythonIterator: ConvertibleFromPython {
    /// Wraps `iter(object)` of a borrowed object. The caller holds the GIL.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        iterator = try PythonObject(checkingNew: PyObject_GetIter(object))
    }
}

extension TypedPythonIterator: ConvertibleToPython {
    /// The Python iterator itself (items already taken stay taken).
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try iterator.pythonReference()
    }
}
