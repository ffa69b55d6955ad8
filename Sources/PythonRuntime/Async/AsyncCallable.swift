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
    /// coroutine finishes with its result (or raises its error, as for ``init(callable:)``). Cancelling the Python
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

/// The Python exception a Swift async closure's error becomes.
enum AsyncCallableError {
    /// A `PythonError` from Python raises as its own exception; any other error as a `SwiftError`-like
    /// `RuntimeError` naming it (`CancellationError` as `asyncio.CancelledError`).
    static func exception(for error: any Error) throws(PythonError) -> PythonObject {
        if let error = error as? PythonError, let exception = error.exception { return exception }
        if error is CancellationError {
            return try Python.import("asyncio").CancelledError.call()
        }
        return try Python.import("builtins").RuntimeError.call("Swift error: \(error)")
    }
}
