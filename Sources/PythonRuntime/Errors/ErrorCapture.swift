import CPython

extension PythonError {
    /// Takes the exception currently set in the interpreter (clearing it) and describes it. The caller holds
    /// the GIL. If no exception is set, describes that inconsistency instead of trapping.
    @usableFromInline
    static func fetch() -> PythonError {
        var type: PyObjectPointer?
        var value: PyObjectPointer?
        var traceback: PyObjectPointer?
        PyErr_Fetch(&type, &value, &traceback)
        guard type != nil else {
            return PythonError(
                code: .pythonException, typeName: "SystemError", message: "a C-API call failed without an exception")
        }
        PyErr_NormalizeException(&type, &value, &traceback)
        if let value, let traceback { PyException_SetTraceback(value, traceback) }
        defer {
            pyshim_XDecRef(type)
            pyshim_XDecRef(traceback)
        }
        let typeName = qualifiedTypeName(ofType: type!)
        guard let value else {
            return PythonError(code: .pythonException, typeName: typeName, message: "")
        }
        let exception = PythonObject(owning: value)
        var error = PythonError(
            code: .pythonException, typeName: typeName, message: safeString(value) ?? "",
            traceback: formattedTraceback(value), exception: exception)
        error.swiftError = SwiftErrorException.swiftError(in: value)
        return error
    }

    /// Describes an exception object that was not raised here (one an asyncio future finished with), keeping its
    /// own traceback.
    static func raised(_ exception: PythonObject) -> PythonError {
        Python.withGIL { () -> PythonError in
            guard let type = PyObject_Type(exception.pointer) else { return fetch() }
            PyErr_SetObject(type, exception.pointer)
            pyshim_DecRef(type)
            return fetch()
        }
    }

    /// `str(object)`, or `nil` (with the secondary exception cleared) if that raises.
    static func safeString(_ object: PyObjectPointer) -> String? {
        guard let text = PyObject_Str(object) else {
            PyErr_Clear()
            return nil
        }
        defer { pyshim_DecRef(text) }
        return try? String(pythonReference: text)
    }

    /// `repr(object)` shortened to `limit` characters, or a placeholder if `repr` raises.
    @usableFromInline
    static func shortRepr(_ object: PyObjectPointer, limit: Int = 80) -> String {
        guard let text = PyObject_Repr(object) else {
            PyErr_Clear()
            return "<unrepresentable \(qualifiedTypeName(of: object))>"
        }
        defer { pyshim_DecRef(text) }
        guard let string = try? String(pythonReference: text) else { return "<unrepresentable>" }
        return string.count > limit ? String(string.prefix(limit)) + "…" : string
    }

    /// `type(object).__module__ + "." + __qualname__`, without the module for builtins.
    @usableFromInline
    static func qualifiedTypeName(of object: PyObjectPointer) -> String {
        qualifiedTypeName(ofType: UnsafeMutableRawPointer(pyshim_Type(object)).assumingMemoryBound(to: PyObject.self))
    }

    static func qualifiedTypeName(ofType type: PyObjectPointer) -> String {
        let name = attributeString(type, "__qualname__") ?? "object"
        guard let module = attributeString(type, "__module__"), module != "builtins" else { return name }
        return "\(module).\(name)"
    }

    private static func attributeString(_ object: PyObjectPointer, _ name: String) -> String? {
        guard let attribute = PyObject_GetAttrString(object, name) else {
            PyErr_Clear()
            return nil
        }
        defer { pyshim_DecRef(attribute) }
        return try? String(pythonReference: attribute)
    }

    /// The text `traceback.format_exception` prints for `exception`, or `nil` if formatting fails.
    private static func formattedTraceback(_ exception: PyObjectPointer) -> String? {
        guard let module = PyImport_ImportModule("traceback") else {
            PyErr_Clear()
            return nil
        }
        defer { pyshim_DecRef(module) }
        guard let format = PyObject_GetAttrString(module, "format_exception") else {
            PyErr_Clear()
            return nil
        }
        defer { pyshim_DecRef(format) }
        guard let lines = PyObject_CallOneArg(format, exception) else {
            PyErr_Clear()
            return nil
        }
        defer { pyshim_DecRef(lines) }
        guard let parts = try? [String](pythonReference: lines) else { return nil }
        return parts.joined()
    }
}

extension PythonError {
    /// A conversion failure: `expected float, got str 'abc'`. The caller holds the GIL.
    @usableFromInline
    static func conversion(expected: String, got object: PyObjectPointer) -> PythonError {
        PythonError(
            code: .conversionFailed, typeName: "TypeError",
            message: "expected \(expected), got \(qualifiedTypeName(of: object)) \(shortRepr(object))")
    }

    /// A conversion failure, for conversions written outside the runtime (generated union values): `expected
    /// int | str, got float 1.5`. The caller holds the GIL.
    public static func conversionFailure(expected: String, got object: PyObjectPointer) -> PythonError {
        conversion(expected: expected, got: object)
    }

    /// An integer that does not fit: `Python int 1180591620717411303424 does not fit in Int`. GIL held.
    @usableFromInline
    static func overflow(_ object: PyObjectPointer, swiftType: String) -> PythonError {
        PythonError(
            code: .integerOverflow, typeName: "OverflowError",
            message: "Python int \(shortRepr(object, limit: 60)) does not fit in \(swiftType)")
    }

    /// Prefixes the message with where the failure happened (`element 3: …`, `in math.sqrt: …`).
    public func adding(context: String) -> PythonError {
        var copy = self
        copy.message = "\(context): \(message)"
        return copy
    }
}
