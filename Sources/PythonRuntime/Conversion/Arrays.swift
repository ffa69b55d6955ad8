import CPython

extension Array: ConvertibleToPython where Element: ConvertibleToPython {
    /// Becomes a `list`; `[UInt8]` becomes `bytes`.
    @inlinable
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        if Element.self == UInt8.self {
            let bytes = withUnsafeBytes { raw in
                PyBytes_FromStringAndSize(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
            }
            guard let bytes else { throw PythonError.fetch() }
            return bytes
        }
        guard let list = PyList_New(count) else { throw PythonError.fetch() }
        for (index, element) in enumerated() {
            do {
                pyshim_ListSetItem(list, index, try element.pythonReference())
            } catch {
                pyshim_DecRef(list)
                throw error.adding(context: "element \(index)")
            }
        }
        return list
    }
}

extension Array: ConvertibleFromPython where Element: ConvertibleFromPython {
    /// Accepts a `list`, `tuple` or any other iterable except `str`; `[UInt8]` also accepts `bytes` and
    /// `bytearray`. A failing element is reported with its index.
    @inlinable
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        if Element.self == UInt8.self, let bytes = try ByteConversion.bytes(object) {
            self = unsafeBitCast(bytes, to: [Element].self)
            return
        }
        if pyshim_ListCheck(object) != 0 {
            let count = pyshim_ListSize(object)
            self = []
            reserveCapacity(count)
            for index in 0..<count {
                do {
                    append(try Element(pythonReference: pyshim_ListGetItem(object, index)))
                } catch {
                    throw error.adding(context: "element \(index)")
                }
            }
        } else if pyshim_TupleCheck(object) != 0 {
            let count = pyshim_TupleSize(object)
            self = []
            reserveCapacity(count)
            for index in 0..<count {
                do {
                    append(try Element(pythonReference: pyshim_TupleGetItem(object, index)))
                } catch {
                    throw error.adding(context: "element \(index)")
                }
            }
        } else {
            self = try IterableConversion.elements(of: object, expected: "list")
        }
    }
}

/// Conversions that walk an arbitrary Python iterable.
@usableFromInline
enum IterableConversion {
    /// Converts every item of an iterable (not a `str`) in order. GIL held.
    @usableFromInline
    static func elements<Element: ConvertibleFromPython>(
        of object: PyObjectPointer, expected: String
    ) throws(PythonError) -> [Element] {
        guard pyshim_UnicodeCheck(object) == 0, let iterator = PyObject_GetIter(object) else {
            PyErr_Clear()
            throw PythonError.conversion(expected: expected, got: object)
        }
        defer { pyshim_DecRef(iterator) }
        var result: [Element] = []
        while let item = PyIter_Next(iterator) {
            defer { pyshim_DecRef(item) }
            do {
                result.append(try Element(pythonReference: item))
            } catch {
                throw error.adding(context: "element \(result.count)")
            }
        }
        if PyErr_Occurred() != nil { throw PythonError.fetch() }
        return result
    }
}
