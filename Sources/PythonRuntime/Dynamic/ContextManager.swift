import CPython

extension PythonObject {
    /// Uses the object as a context manager, like Python's `with object as value:`.
    ///
    /// `__exit__` always runs: with `(None, None, None)` after success, or with the exception when `body`
    /// throws. A Swift error that is not a ``PythonError`` reaches `__exit__` as a `RuntimeError` carrying its
    /// description. If `__exit__` returns a true value the error is suppressed and the result is `nil`,
    /// as Python skips the rest of the block.
    /// - Parameter body: The block, given what `__enter__` returned.
    /// - Returns: What `body` returned, or `nil` if `__exit__` suppressed its error.
    /// - Throws: The error `body` threw (unless suppressed), or a ``PythonError`` from `__enter__`/`__exit__`.
    @discardableResult
    public func with<Result>(_ body: (PythonObject) throws -> Result) throws -> Result? {
        let exit = try attribute("__exit__")
        let value = try attribute("__enter__").call()
        let result: Result
        do {
            result = try body(value)
        } catch {
            let exception = try Self.exceptionObject(for: error)
            let type = Python.withGIL { PythonObject(owning: PyObject_Type(exception.pointer)!) }
            let suppress = try exit.call(type, exception, try exception.attribute("__traceback__"))
            if try suppress.isTrue() { return nil }
            throw error
        }
        let none = Python.none
        _ = try exit.call(none, none, none)
        return result
    }

    /// The Python exception object that stands for a Swift error inside `__exit__`.
    private static func exceptionObject(for error: any Error) throws(PythonError) -> PythonObject {
        if let pythonError = error as? PythonError, let exception = pythonError.exception { return exception }
        let runtimeError = try Python.builtins.attribute("RuntimeError")
        let exception: PythonObject = try runtimeError.call(String(describing: error))
        return exception
    }

}
