import CPython

/// A Python object (function, class, method) that generated bindings look up once and keep for the life of the
/// process: `math.sqrt`, `datetime.date`, `datetime.date.strftime`.
///
/// The lookup happens on first use, under the GIL, and the cached object is only read under the GIL, so the
/// reference can be a `static let` shared by all threads.
public final class PythonCallableReference: @unchecked Sendable {
    /// The module that holds the object, e.g. `datetime`.
    public let module: String
    /// The attribute path inside the module, e.g. `["date", "strftime"]`.
    public let path: [String]
    /// `module.path`, used in error messages.
    public let qualifiedName: String

    /// The looked-up object; written and read only with the GIL held.
    /// Exclusivity is guaranteed by the GIL, so the dynamic exclusivity check is skipped on this hot path.
    @exclusivity(unchecked) @usableFromInline
    var cached: PyObjectPointer?

    /// What the bindings holding this reference were generated against, checked before the first lookup.
    public let origin: PythonBindingOrigin?

    /// Creates a reference to `module.path[0].path[1]…`; `origin` (generated bindings of installed packages pass
    /// their module's) is checked before the first lookup.
    public init(module: String, _ path: String..., origin: PythonBindingOrigin? = nil) {
        self.module = module
        self.path = path
        self.origin = origin
        self.qualifiedName = ([module] + path).joined(separator: ".")
    }

    /// The object, looked up on first use. The caller holds the GIL.
    /// - Throws: ``PythonError`` if the module cannot be imported or the attribute does not exist.
    @inlinable
    public func resolvedHoldingGIL() throws(PythonError) -> PyObjectPointer {
        if let cached { return cached }
        return try resolve()
    }

    /// The object as a ``PythonObject``.
    public var object: PythonObject {
        get throws(PythonError) {
            try Python.withGIL { () throws(PythonError) -> PythonObject in
                PythonObject(borrowing: try resolvedHoldingGIL())
            }
        }
    }

    @usableFromInline
    func resolve() throws(PythonError) -> PyObjectPointer {
        try origin?.checkHoldingGIL()
        var current = try PythonObject(checkingNew: module.withCString { PyImport_ImportModule($0) })
        for name in path {
            current = try PythonObject(checkingNew: name.withCString { PyObject_GetAttrString(current.pointer, $0) })
        }
        let pointer = current.pointer
        pyshim_IncRef(pointer)  // kept for the life of the process
        cached = pointer
        return pointer
    }

    /// Adds this callable's name to conversion errors, so a wrong result type names the function.
    @inlinable
    public func withContext<Result>(_ body: () throws(PythonError) -> Result) throws(PythonError) -> Result {
        do {
            return try body()
        } catch  where error.code != .pythonException {
            throw error.adding(context: qualifiedName)
        }
    }

    /// Calls with no arguments and converts the result.
    @inlinable
    public func call<Result: ConvertibleFromPython>() throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            try withContext { () throws(PythonError) -> Result in
                let result = try Vectorcall.call(try resolvedHoldingGIL())
                defer { pyshim_DecRef(result) }
                return try Result(pythonReference: result)
            }
        }
    }

    /// Calls with one positional argument and converts the result.
    @inlinable
    public func call<First: ConvertibleToPython, Result: ConvertibleFromPython>(
        _ first: First
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            try withContext { () throws(PythonError) -> Result in
                let result = try Vectorcall.call(try resolvedHoldingGIL(), first)
                defer { pyshim_DecRef(result) }
                return try Result(pythonReference: result)
            }
        }
    }

    /// Calls with two positional arguments and converts the result.
    @inlinable
    public func call<First: ConvertibleToPython, Second: ConvertibleToPython, Result: ConvertibleFromPython>(
        _ first: First, _ second: Second
    ) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            try withContext { () throws(PythonError) -> Result in
                let result = try Vectorcall.call(try resolvedHoldingGIL(), first, second)
                defer { pyshim_DecRef(result) }
                return try Result(pythonReference: result)
            }
        }
    }

    /// Calls with arguments collected in a ``PythonArguments`` and converts the result.
    @inlinable
    public func call<Result: ConvertibleFromPython>(_ arguments: PythonArguments) throws(PythonError) -> Result {
        try Python.withGIL { () throws(PythonError) -> Result in
            try withContext { () throws(PythonError) -> Result in
                let result = try arguments.call(try resolvedHoldingGIL())
                defer { pyshim_DecRef(result) }
                return try Result(pythonReference: result)
            }
        }
    }

    /// Calls with arguments collected in a ``PythonArguments`` and ignores the result (`None`).
    @inlinable
    public func callDiscardingResult(_ arguments: PythonArguments) throws(PythonError) {
        let _: PythonObject = try call(arguments)
    }
}
