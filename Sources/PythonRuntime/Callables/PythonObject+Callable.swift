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
        try self.init(callableWithOrderedKeywords: { arguments, keywords in
            try body(arguments, Dictionary(keywords, uniquingKeysWith: { _, last in last }))
        })
    }

    /// A Python callable that runs a Swift closure and hands it the keyword arguments in the order the caller
    /// wrote them (`f(b=1, a=2)` gives `[("b", 1), ("a", 2)]`), as PythonKit's `PythonFunction` does:
    ///
    /// ```swift
    /// let describe = try PythonObject(callableWithOrderedKeywords: { arguments, keywords in
    ///     try PythonObject(keywords.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
    /// })
    /// ```
    ///
    /// Errors, threads and lifetime as for the form with a keyword dictionary, `init(callable:)`.
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init(
        callableWithOrderedKeywords body:
            @escaping ([PythonObject], [(key: String, value: PythonObject)]) throws
            -> PythonObject
    ) throws(PythonError) {
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try SwiftCallable.make { arguments, positional, keywordNames in
                let values = arguments.map { PythonObject(borrowing: $0!) }
                var keywords: [(key: String, value: PythonObject)] = []
                if let keywordNames {
                    for index in 0..<PyTuple_Size(keywordNames) {
                        let name = try String(pythonReference: pyshim_TupleGetItem(keywordNames, index))
                        keywords.append((name, values[positional + index]))
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
        let arity = Self.arity(of: (repeat (each Argument).self))
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try SwiftCallable.make { arguments, positional, keywordNames in
                try Self.check(positional, keywordNames, arity: arity)
                return try Self.apply(body, to: arguments).pythonReference()
            }
        }
    }

    /// A Python callable that runs a typed Swift closure returning any convertible value (generated callbacks
    /// whose result Python leaves open: `sorted(key:)`).
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<each Argument: ConvertibleFromPython>(
        callable body: @escaping (repeat each Argument) throws -> any ConvertibleToPython
    ) throws(PythonError) {
        let arity = Self.arity(of: (repeat (each Argument).self))
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try SwiftCallable.make { arguments, positional, keywordNames in
                try Self.check(positional, keywordNames, arity: arity)
                return try Self.apply(body, to: arguments).pythonReference()
            }
        }
    }

    /// A Python callable that runs a typed Swift closure returning nothing (Python sees `None`).
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<each Argument: ConvertibleFromPython>(
        callable body: @escaping (repeat each Argument) throws -> Void
    ) throws(PythonError) {
        let arity = Self.arity(of: (repeat (each Argument).self))
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try SwiftCallable.make { arguments, positional, keywordNames in
                try Self.check(positional, keywordNames, arity: arity)
                try Self.apply(body, to: arguments)
                let none = pyshim_None()!
                pyshim_IncRef(none)
                return none
            }
        }
    }

    /// Calls `body` with the arguments converted to its parameter types, in order (the count was checked).
    private static func apply<each Argument: ConvertibleFromPython, Result>(
        _ body: (repeat each Argument) throws -> Result, to arguments: UnsafeBufferPointer<PyObjectPointer?>
    ) throws -> Result {
        var index = 0
        func next<Value: ConvertibleFromPython>(_ type: Value.Type) throws(PythonError) -> Value {
            defer { index += 1 }
            return try Self.argument(arguments[index]!, at: index, as: Value.self)
        }
        return try body(repeat try next((each Argument).self))
    }

    /// The number of types in a pack.
    static func arity<each Element>(of types: (repeat (each Element).Type)) -> Int {
        var count = 0
        for _ in repeat each types { count += 1 }
        return count
    }

    /// Refuses keyword arguments and a wrong number of positional ones, before anything is converted.
    private static func check(_ positional: Int, _ keywordNames: PyObjectPointer?, arity: Int) throws(PythonError) {
        if let keywordNames, PyTuple_Size(keywordNames) > 0 {
            throw PythonError(
                code: .conversionFailed, typeName: "TypeError",
                message: "a typed Swift closure takes positional arguments only")
        }
        guard positional == arity else {
            throw PythonError(
                code: .conversionFailed, typeName: "TypeError",
                message: "the Swift closure takes \(arity) argument\(arity == 1 ? "" : "s"), got \(positional)")
        }
    }

    /// Converts argument `index` (a `TypeError` naming it if it does not convert).
    static func argument<Value: ConvertibleFromPython>(
        _ object: PyObjectPointer, at index: Int, as type: Value.Type
    ) throws(PythonError) -> Value {
        do {
            return try Value(pythonReference: object)
        } catch {
            var converted = error
            converted.typeName = "TypeError"
            throw converted.adding(context: "argument \(index + 1) of a Swift closure")
        }
    }

    /// Whether this object is a callable made from a Swift closure (it lives in this process only).
    public var isSwiftClosure: Bool {
        Python.withGIL { SwiftCallable.isSwiftClosure(pointer) }
    }
}
