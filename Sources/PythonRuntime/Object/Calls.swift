import CPython

extension PythonObject {
    /// Calls the object with positional arguments, returning a Python object.
    ///
    /// Arguments are converted without boxing and passed with vectorcall; nothing else is allocated.
    /// - Throws: ``PythonError`` if an argument cannot be converted or the call raises.
    @inlinable
    @discardableResult
    @_disfavoredOverload
    public func call<each Argument: ConvertibleToPython>(
        _ arguments: repeat each Argument
    ) throws(PythonError) -> PythonObject {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            PythonObject(owning: try callHoldingGIL(repeat each arguments))
        }
    }

    /// Calls the object with positional arguments and converts the result to `Result`, under one GIL
    /// acquisition.
    /// - Throws: ``PythonError`` if an argument cannot be converted, the call raises, or the result is not
    ///   convertible to `Result`.
    @inlinable
    public func call<each Argument: ConvertibleToPython, Result: ConvertibleFromPython>(
        _ arguments: repeat each Argument
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            let result = try callHoldingGIL(repeat each arguments)
            defer { pyshim_DecRef(result) }
            return try Result(pythonReference: result)
        }
    }

    /// Calls the object with positional arguments; the caller holds the GIL. Returns a new reference.
    @inlinable
    public func callHoldingGIL<each Argument: ConvertibleToPython>(
        _ arguments: repeat each Argument
    ) throws(PythonError) -> PyObjectPointer {
        var count = 0
        for _ in repeat each arguments { count += 1 }
        return try withUnsafeTemporaryAllocation(of: PyObjectPointer?.self, capacity: Swift.max(count, 1)) {
            buffer throws(PythonError) -> PyObjectPointer in
            var converted = 0
            defer { for index in 0..<converted { pyshim_DecRef(buffer[index]!) } }
            for argument in repeat each arguments {
                buffer[converted] = try argument.pythonReference()
                converted += 1
            }
            guard let result = pyshim_Vectorcall(pointer, buffer.baseAddress, count, nil) else {
                throw PythonError.fetch()
            }
            return result
        }
    }

    /// Calls the object with already converted arguments and keyword names; the caller holds the GIL.
    ///
    /// `arguments` holds the positional arguments followed by the keyword values; `keywords` names the last
    /// `keywords.count` of them. Returns a new reference.
    public func callHoldingGIL(
        arguments: [PythonObject], keywords: [String] = []
    ) throws(PythonError) -> PyObjectPointer {
        var kwnames: PythonObject?
        if !keywords.isEmpty {
            kwnames = try PythonObject(checkingNew: PyTuple_New(keywords.count))
            for (index, name) in keywords.enumerated() {
                pyshim_TupleSetItem(kwnames!.pointer, index, try name.pythonReference())
            }
        }
        let pointers: [PyObjectPointer?] = arguments.map { $0.pointer }
        let result = pointers.withUnsafeBufferPointer {
            pyshim_Vectorcall(pointer, $0.baseAddress, arguments.count - keywords.count, kwnames?.pointer)
        }
        guard let result else { throw PythonError.fetch() }
        return result
    }

    /// Calls the object with positional and keyword arguments, returning a Python object.
    /// - Parameters:
    ///   - arguments: Positional arguments.
    ///   - keywordArguments: Keyword arguments, sent in this order.
    /// - Throws: ``PythonError`` if an argument cannot be converted or the call raises.
    @discardableResult
    public func call(
        arguments: [any ConvertibleToPython], keywordArguments: KeyValuePairs<String, any ConvertibleToPython> = [:]
    ) throws(PythonError) -> PythonObject {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            var values: [PythonObject] = []
            values.reserveCapacity(arguments.count + keywordArguments.count)
            for argument in arguments { values.append(PythonObject(owning: try argument.pythonReference())) }
            for (_, value) in keywordArguments { values.append(PythonObject(owning: try value.pythonReference())) }
            let result = try callHoldingGIL(arguments: values, keywords: keywordArguments.map(\.key))
            return PythonObject(owning: result)
        }
    }

    /// `@dynamicCallable` entry point for positional calls: `try function(1, 2.0, "x")`.
    @discardableResult
    public func dynamicallyCall(withArguments arguments: [any ConvertibleToPython]) throws(PythonError) -> PythonObject
    {
        try Python.withGIL { () throws(PythonError) -> PythonObject in
            let count = arguments.count
            return try withUnsafeTemporaryAllocation(of: PyObjectPointer?.self, capacity: Swift.max(count, 1)) {
                buffer throws(PythonError) -> PythonObject in
                var converted = 0
                defer { for index in 0..<converted { pyshim_DecRef(buffer[index]!) } }
                for argument in arguments {
                    buffer[converted] = try argument.pythonReference()
                    converted += 1
                }
                return try PythonObject(checkingNew: pyshim_Vectorcall(pointer, buffer.baseAddress, count, nil))
            }
        }
    }

    /// `@dynamicCallable` entry point for calls with keyword arguments: `try int("101010", base: 2)`.
    /// Unlabelled arguments are positional; they must come before the labelled ones.
    @discardableResult
    public func dynamicallyCall(
        withKeywordArguments arguments: KeyValuePairs<String, any ConvertibleToPython>
    ) throws(PythonError) -> PythonObject {
        var positional: [any ConvertibleToPython] = []
        var keywords: [(String, any ConvertibleToPython)] = []
        for (label, value) in arguments {
            if label.isEmpty {
                guard keywords.isEmpty else {
                    throw PythonError(
                        code: .pythonException, typeName: "SyntaxError",
                        message: "positional argument follows keyword argument")
                }
                positional.append(value)
            } else {
                keywords.append((label, value))
            }
        }
        return try Python.withGIL { () throws(PythonError) -> PythonObject in
            var values: [PythonObject] = []
            for argument in positional { values.append(PythonObject(owning: try argument.pythonReference())) }
            for (_, value) in keywords { values.append(PythonObject(owning: try value.pythonReference())) }
            return PythonObject(owning: try callHoldingGIL(arguments: values, keywords: keywords.map(\.0)))
        }
    }

    /// Whether the object can be called.
    public var isCallable: Bool { Python.withGIL { pyshim_CallableCheck(pointer) != 0 } }
}
