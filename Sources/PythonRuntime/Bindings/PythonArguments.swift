import CPython

/// Arguments of one call, collected by generated code: positional values, then keyword values that are sent only
/// when the caller gave them.
public struct PythonArguments: Sendable {
    @usableFromInline
    var positional: [PythonObject] = []
    @usableFromInline
    var keywordValues: [PythonObject] = []
    @usableFromInline
    var keywordNames: [String] = []

    /// Creates an empty argument list.
    public init() {}

    /// Creates an argument list of positional arguments.
    /// - Throws: ``PythonError`` if a value does not convert.
    public init(positional values: [any ConvertibleToPython]) throws(PythonError) {
        for value in values { try append(value) }
    }

    /// The positional arguments, in order.
    public var positionalArguments: [PythonObject] { positional }

    /// The keyword arguments, in the order they were appended.
    public var keywordArguments: [(name: String, value: PythonObject)] {
        Array(zip(keywordNames, keywordValues)).map { (name: $0.0, value: $0.1) }
    }

    /// Appends a positional argument.
    /// - Throws: ``PythonError`` if the value does not convert.
    @inlinable
    public mutating func append(_ value: some ConvertibleToPython) throws(PythonError) {
        positional.append(try PythonObject(value))
    }

    /// Appends every element as a positional argument (`*args`).
    /// - Throws: ``PythonError`` if a value does not convert.
    @inlinable
    public mutating func append<Element: ConvertibleToPython>(contentsOf values: [Element]) throws(PythonError) {
        for value in values { positional.append(try PythonObject(value)) }
    }

    /// Appends a keyword argument.
    /// - Throws: ``PythonError`` if the value does not convert.
    @inlinable
    public mutating func append(keyword name: String, _ value: some ConvertibleToPython) throws(PythonError) {
        keywordNames.append(name)
        keywordValues.append(try PythonObject(value))
    }

    /// Appends keyword arguments (`**kwargs`), in the order of their names.
    /// - Throws: ``PythonError`` if a value does not convert.
    @inlinable
    public mutating func append<Value: ConvertibleToPython>(keywords: [String: Value]) throws(PythonError) {
        for name in keywords.keys.sorted() { try append(keyword: name, keywords[name]!) }
    }

    /// Calls the method `name` of `receiver` with these arguments (looked up on the receiver, so overrides run);
    /// the caller holds the GIL. Returns a new reference.
    @usableFromInline
    func callMethod(_ name: PyObjectPointer, on receiver: PyObjectPointer) throws(PythonError) -> PyObjectPointer {
        var kwnames: PythonObject?
        if !keywordNames.isEmpty {
            kwnames = try PythonObject(checkingNew: PyTuple_New(keywordNames.count))
            for (index, keyword) in keywordNames.enumerated() {
                pyshim_TupleSetItem(kwnames!.pointer, index, try keyword.pythonReference())
            }
        }
        let pointers: [PyObjectPointer?] = [receiver] + positional.map(\.pointer) + keywordValues.map(\.pointer)
        let result = pointers.withUnsafeBufferPointer {
            pyshim_VectorcallMethod(name, $0.baseAddress, 1 + positional.count, kwnames?.pointer)
        }
        guard let result else { throw PythonError.fetch() }
        return result
    }

    /// Calls `callable` with these arguments; the caller holds the GIL. Returns a new reference.
    @usableFromInline
    func call(_ callable: PyObjectPointer) throws(PythonError) -> PyObjectPointer {
        let callee = PythonObject(borrowing: callable)
        return try callee.callHoldingGIL(arguments: positional + keywordValues, keywords: keywordNames)
    }
}
