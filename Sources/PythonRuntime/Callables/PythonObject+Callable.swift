import CPython

extension PythonObject {
    /// A Python callable that runs a Swift closure, with positional and keyword arguments as Python objects:
    ///
    /// ```swift
    /// let greet = try PythonObject(callable: { arguments, keywords in
    ///     try PythonObject("hello \(arguments.first?.description ?? "")\(keywords["punctuation"]?.description ?? "")")
    /// })
    /// ```
    ///
    /// Python may call it from any thread (the GIL is held meanwhile); an error the closure throws is raised in
    /// Python (a `PythonError` from Python as itself, any other as `swift_pybindgen.SwiftError` carrying it, which a
    /// Swift caller further out finds in ``PythonError/swiftError``). The closure, and what it captures, is released
    /// when Python drops the last reference to the callable. It cannot be sent to a worker process.
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init(
        callable body: @escaping ([PythonObject], [String: PythonObject]) throws -> PythonObject
    ) throws(PythonError) {
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try SwiftCallable.make { arguments, positional, keywordNames in
                let values = arguments.map { PythonObject(borrowing: $0!) }
                var keywords: [String: PythonObject] = [:]
                if let keywordNames {
                    for index in 0..<PyTuple_Size(keywordNames) {
                        let name = try String(pythonReference: pyshim_TupleGetItem(keywordNames, index))
                        keywords[name] = values[positional + index]
                    }
                }
                return try body(Array(values[..<positional]), keywords).pythonReference()
            }
        }
    }

    /// A Python callable that runs a typed Swift closure: the arguments are converted to the closure's parameter
    /// types and the result back to Python, `try PythonObject(callable: { (x: Double) in x * 2 })`.
    ///
    /// A call with the wrong number of arguments, with keyword arguments, or with an argument that does not
    /// convert raises `TypeError` in Python. Errors, threads and lifetime as for the dynamic form.
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<each Argument: ConvertibleFromPython, Result: ConvertibleToPython>(
        callable body: @escaping (repeat each Argument) throws -> Result
    ) throws(PythonError) {
        var arity = 0
        for _ in repeat (each Argument).self { arity += 1 }
        self = try Self.typedCallable(arity: arity) { arguments in
            try body(repeat try Self.next((each Argument).self, arguments))
        }.get()
    }

    /// A Python callable that runs a typed Swift closure returning any convertible value (generated callbacks
    /// whose result Python leaves open: `sorted(key:)`).
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<each Argument: ConvertibleFromPython>(
        callable body: @escaping (repeat each Argument) throws -> any ConvertibleToPython
    ) throws(PythonError) {
        var arity = 0
        for _ in repeat (each Argument).self { arity += 1 }
        self = try Self.typedCallable(arity: arity) { arguments in
            PythonObject(owning: try body(repeat try Self.next((each Argument).self, arguments)).pythonReference())
        }.get()
    }

    /// A Python callable that runs a typed Swift closure returning nothing (Python sees `None`).
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<each Argument: ConvertibleFromPython>(
        callable body: @escaping (repeat each Argument) throws -> Void
    ) throws(PythonError) {
        var arity = 0
        for _ in repeat (each Argument).self { arity += 1 }
        self = try Self.typedCallable(arity: arity) { arguments in
            try body(repeat try Self.next((each Argument).self, arguments))
            return PythonObject(borrowing: pyshim_None()!)
        }.get()
    }

    /// Whether this object is a callable made from a Swift closure (it lives in this process only).
    public var isSwiftClosure: Bool {
        Python.withGIL { SwiftCallable.isSwiftClosure(pointer) }
    }

    /// Arguments being converted for a typed closure: the borrowed objects and the next index.
    final class ArgumentCursor {
        let items: UnsafeBufferPointer<PyObjectPointer?>
        var index = 0

        init(_ items: UnsafeBufferPointer<PyObjectPointer?>) {
            self.items = items
        }
    }

    static func next<Value: ConvertibleFromPython>(
        _ type: Value.Type, _ cursor: ArgumentCursor
    ) throws(PythonError) -> Value {
        defer { cursor.index += 1 }
        do {
            return try Value(pythonReference: cursor.items[cursor.index]!)
        } catch {
            var converted = error
            converted.typeName = "TypeError"
            throw converted.adding(context: "argument \(cursor.index + 1) of a Swift closure")
        }
    }

    /// A typed closure's callable: checks the argument count before converting anything, and the result after.
    private static func typedCallable<Result: ConvertibleToPython>(
        arity: Int, _ body: @escaping (ArgumentCursor) throws -> Result
    ) -> Swift.Result<PythonObject, PythonError> {
        Swift.Result { () throws(PythonError) -> PythonObject in
            try Python.withGIL { () throws(PythonError) -> PythonObject in
                try SwiftCallable.make { arguments, positional, keywordNames in
                    if let keywordNames, PyTuple_Size(keywordNames) > 0 {
                        throw PythonError(
                            code: .conversionFailed, typeName: "TypeError",
                            message: "a typed Swift closure takes positional arguments only")
                    }
                    guard positional == arity else {
                        throw PythonError(
                            code: .conversionFailed, typeName: "TypeError",
                            message:
                                "the Swift closure takes \(arity) argument\(arity == 1 ? "" : "s"), got \(positional)")
                    }
                    let cursor = ArgumentCursor(UnsafeBufferPointer(rebasing: arguments[..<positional]))
                    return try body(cursor).pythonReference()
                }
            }
        }
    }
}
