import CPython
import Synchronization

extension PythonObject {
    /// A Python coroutine function whose body is a Swift `async` closure, for Python libraries that await a
    /// callback (`Callable[..., Awaitable[T]]`):
    ///
    /// ```swift
    /// let fetch = try PythonObject(asyncCallable: { arguments, _ in
    ///     try await Task.sleep(for: .milliseconds(10))
    ///     return try PythonObject(arguments.count)
    /// })
    /// ```
    ///
    /// Each call from Python returns a coroutine; awaiting it starts a Swift task that runs `body`, and the
    /// coroutine finishes with its result (or raises its error, as for a synchronous callable). Cancelling the Python
    /// task cancels the Swift task.
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init(
        asyncCallable body: @escaping @Sendable ([PythonObject], [String: PythonObject]) async throws -> PythonObject
    ) throws(PythonError) {
        let start = try PythonObject(callable: { arguments, _ in
            // (args, kwargs, settle): run `body` in a task; `settle(ok, value)` finishes the coroutine.
            let positional = try [PythonObject](arguments[0])
            let keywords = try [String: PythonObject](arguments[1])
            let settle = arguments[2]
            let task = Task {
                do {
                    let value = try await body(positional, keywords)
                    let _: PythonObject = try settle.call(true, value)
                } catch {
                    let exception = try? AsyncCallableError.exception(for: error)
                    let _: PythonObject? = try? settle.call(false, exception ?? Python.none)
                }
            }
            return try PythonObject(callable: { _, _ in
                task.cancel()
                return Python.none
            })
        })
        self = try PythonEventLoop.helper("make_coroutine_function").call(start)
    }
}

extension PythonObject {
    /// A Python coroutine function whose body is a typed Swift `async` closure: Python's arguments are converted
    /// to the closure's parameter types when it is called, and the result back to Python when the closure
    /// returns, `try PythonObject(asyncCallable: { (n: Int) async throws in n * 2 })`. Generated code passes
    /// closures for `Callable[[…], Awaitable[T]]` parameters this way.
    ///
    /// A call with the wrong number of arguments, with keyword arguments, or with an argument that does not
    /// convert raises `TypeError` in Python when it is called. Errors and cancellation as for the dynamic form.
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<
        each Argument: ConvertibleFromPython & Sendable & SendableMetatype,
        Result: ConvertibleToPython & SendableMetatype
    >(
        asyncCallable body: @escaping @Sendable (repeat each Argument) async throws -> Result
    ) throws(PythonError) {
        let arity = Self.arity(of: (repeat (each Argument).self))
        try self.init(asyncCallable: { arguments, keywords in
            guard keywords.isEmpty else {
                throw PythonError(
                    code: .conversionFailed, typeName: "TypeError",
                    message: "a typed Swift closure takes positional arguments only")
            }
            guard arguments.count == arity else {
                throw PythonError(
                    code: .conversionFailed, typeName: "TypeError",
                    message: "the Swift closure takes \(arity) argument\(arity == 1 ? "" : "s"), got \(arguments.count)"
                )
            }
            var index = 0
            func next<Value: ConvertibleFromPython>(_ type: Value.Type) throws(PythonError) -> Value {
                defer { index += 1 }
                return try Python.withGIL { () throws(PythonError) -> Value in
                    try Self.argument(arguments[index].pointer, at: index, as: Value.self)
                }
            }
            let values = (repeat try next((each Argument).self))
            let result = try await body(repeat each values)
            return try PythonObject(result)
        })
    }
}

extension PythonObject {
    /// A Python coroutine function whose body is a typed Swift `async` closure returning nothing (the coroutine's
    /// result is `None`).
    /// - Throws: ``PythonError`` if Python cannot make the function object.
    public init<each Argument: ConvertibleFromPython & Sendable & SendableMetatype>(
        asyncCallable body: @escaping @Sendable (repeat each Argument) async throws -> Void
    ) throws(PythonError) {
        try self.init(asyncCallable: { (argument: repeat each Argument) async throws -> PythonObject in
            try await body(repeat each argument)
            return Python.none
        })
    }
}

/// The Python exception a Swift async closure's error becomes: the same as for a synchronous closure (a
/// `PythonError` from Python as itself, a conversion failure as the builtin it names, any other Swift error as
/// `swift_pybindgen.SwiftError` carrying it), and `CancellationError` as `asyncio.CancelledError`.
enum AsyncCallableError {
    static func exception(for error: any Error) throws(PythonError) -> PythonObject {
        if error is CancellationError {
            return try Python.import("asyncio").CancelledError.call()
        }
        return Python.withGIL { () -> PythonObject in
            SwiftCallable.raise(error)
            var type: PyObjectPointer?
            var value: PyObjectPointer?
            var traceback: PyObjectPointer?
            PyErr_Fetch(&type, &value, &traceback)
            PyErr_NormalizeException(&type, &value, &traceback)
            pyshim_XDecRef(type)
            pyshim_XDecRef(traceback)
            return value.map { PythonObject(owning: $0) } ?? Python.none
        }
    }
}
