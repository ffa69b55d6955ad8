import CPython

extension PythonObject {
    /// Makes a Python `tuple` from Swift values: `try PythonObject(tuple: 1, "a", 2.5)`.
    /// - Throws: ``PythonError`` if an element cannot be converted.
    public init<each Element: ConvertibleToPython>(tuple elements: repeat each Element) throws(PythonError) {
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            var converted: [PythonObject] = []
            for element in repeat each elements {
                converted.append(PythonObject(owning: try element.pythonReference()))
            }
            let tuple = try PythonObject(checkingNew: PyTuple_New(converted.count))
            for (index, element) in converted.enumerated() {
                pyshim_TupleSetItem(tuple.pointer, index, try element.pythonReference())
            }
            return tuple
        }
    }

    /// Reads a Python `tuple` (or list) of exactly as many items as types given:
    /// `let (a, b) = try object.tuple(of: Int.self, String.self)`.
    /// - Throws: ``PythonError`` if the object is not a tuple of that length or an item does not convert.
    public func tuple<each Element: ConvertibleFromPython>(
        of types: repeat (each Element).Type
    ) throws(PythonError) -> (repeat each Element) {
        try Python.withGIL { () throws(PythonError) -> (repeat each Element) in
            var expected = 0
            for _ in repeat (each types) { expected += 1 }
            let items: [PythonObject] = try [PythonObject](pythonReference: pointer)
            guard pyshim_TupleCheck(pointer) != 0 || pyshim_ListCheck(pointer) != 0, items.count == expected else {
                throw PythonError.conversion(expected: "tuple of \(expected) items", got: pointer)
            }
            var index = 0
            func next<Value: ConvertibleFromPython>(_ type: Value.Type) throws(PythonError) -> Value {
                defer { index += 1 }
                do {
                    return try Value(pythonReference: items[index].pointer)
                } catch {
                    throw error.adding(context: "item \(index)")
                }
            }
            return (repeat try next(each types))
        }
    }
}
