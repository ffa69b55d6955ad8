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

extension PythonObject: ExpressibleByArrayLiteral {
    /// A Python `list` of the elements, in order: `let row: PythonObject = [1, "two", 3.0]`.
    public init(arrayLiteral elements: PythonObject...) {
        self = Python.withGIL {
            let list = PyList_New(elements.count)!
            for (index, element) in elements.enumerated() {
                pyshim_IncRef(element.pointer)
                pyshim_ListSetItem(list, index, element.pointer)
            }
            return PythonObject(owning: list)
        }
    }
}

extension PythonObject: ExpressibleByDictionaryLiteral {
    /// A Python `dict` with the pairs in the order written, keys of any kinds: `let d: PythonObject = ["col 1": 3,
    /// 1: 0.5]` is `{'col 1': 3, 1: 0.5}`; a repeated key keeps the last value, as in Python.
    ///
    /// A literal cannot throw: an unhashable key (only a non-literal `PythonObject` can be one) stops the
    /// program, as a repeated key stops a Swift `Dictionary` literal. ``init(dictionary:)`` throws instead.
    public init(dictionaryLiteral elements: (PythonObject, PythonObject)...) {
        self = Python.withGIL {
            let dictionary = PythonObject(owning: PyDict_New()!)
            for (key, value) in elements where PyDict_SetItem(dictionary.pointer, key.pointer, value.pointer) != 0 {
                let error = PythonError.fetch()
                fatalError("a dictionary literal's key is not hashable (\(error)); use try PythonObject(dictionary:)")
            }
            return dictionary
        }
    }
}

extension PythonObject {
    /// A Python `dict` with the pairs in the order written, keys of any kinds:
    /// `try PythonObject(dictionary: ["col 1": 3, "col 2": 5])` is `{'col 1': 3, 'col 2': 5}`, and
    /// `try PythonObject(dictionary: ["a": 1, 1: 0.5])` mixes a `str` and an `int` key.
    /// - Throws: ``PythonError`` (`TypeError`) if a key is not hashable; nothing is leaked.
    public init(dictionary pairs: KeyValuePairs<PythonObject, PythonObject>) throws(PythonError) {
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            let dictionary = PythonObject(owning: PyDict_New()!)
            for (key, value) in pairs where PyDict_SetItem(dictionary.pointer, key.pointer, value.pointer) != 0 {
                throw PythonError.fetch()
            }
            return dictionary
        }
    }
}
