import CPython
import Synchronization

extension PythonObject {
    /// Awaits this awaitable (a coroutine, a task, a future, any object with `__await__`) on the interpreter's
    /// asyncio event loop and returns its result, without blocking a thread:
    ///
    /// ```swift
    /// let coroutine = try asyncio.sleep.call(0.1, "done")
    /// let value: String = try await coroutine.awaited()
    /// ```
    ///
    /// The loop runs on a dedicated Python thread started on first use. Cancelling the Swift task cancels the
    /// Python task (Python code sees `asyncio.CancelledError` and its `finally` blocks run), and the caller gets
    /// `CancellationError`.
    /// - Throws: ``PythonError`` if Python raises (or the object is not awaitable, or the result does not convert
    ///   to `Result`), `CancellationError` if the task was cancelled.
    public func awaited<Result: ConvertibleFromPython>(as type: Result.Type = Result.self) async throws -> Result {
        let value = try await awaitedObject()
        return try Result(value)
    }

    /// Awaits this awaitable for its effect (its result is dropped).
    /// - Throws: as ``awaited(as:)``.
    public func awaited() async throws {
        _ = try await awaitedObject()
    }

    /// Awaits this awaitable and returns the result as a `PythonObject`.
    func awaitedObject() async throws -> PythonObject {
        let waiter = AwaitState()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PythonObject, any Error>) in
                waiter.install(continuation)
                do {
                    let done = try PythonObject(callable: { arguments, _ in
                        waiter.finish(with: arguments.first)
                        return Python.none
                    })
                    let future = try PythonEventLoop.helper("schedule").call(self, done)
                    waiter.started(future)
                } catch {
                    waiter.fail(error)
                }
            }
        } onCancel: {
            waiter.cancel()
        }
    }
}

/// One await in flight: the continuation, the Python future once scheduled, and whether it was cancelled
/// (possibly before it was scheduled).
private final class AwaitState: Sendable {
    private struct State {
        var continuation: CheckedContinuation<PythonObject, any Error>?
        var future: PythonObject?
        var cancelled = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<PythonObject, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func started(_ future: PythonObject) {
        let cancelNow = state.withLock { state -> Bool in
            state.future = future
            return state.cancelled
        }
        if cancelNow { Self.cancel(future) }
    }

    func cancel() {
        let future = state.withLock { state -> PythonObject? in
            state.cancelled = true
            return state.future
        }
        if let future { Self.cancel(future) }
    }

    private static func cancel(_ future: PythonObject) {
        _ = try? Python.withGIL { () throws(PythonError) in
            let _: PythonObject = try future.cancel.call()
        }
    }

    /// Called on the loop thread (GIL held) with the finished future.
    func finish(with future: PythonObject?) {
        guard
            let continuation = state.withLock({ state in
                defer { state.continuation = nil }
                return state.continuation
            })
        else { return }
        guard let future else {
            continuation.resume(
                throwing: PythonError(code: .pythonException, message: "an await finished without a future"))
            return
        }
        do {
            let (status, value) = try PythonEventLoop.helper("outcome").call(future).tuple(
                of: Int.self, PythonObject.self)
            switch status {
            case 0: continuation.resume(returning: value)
            case 2: continuation.resume(throwing: CancellationError())
            default: continuation.resume(throwing: PythonError.raised(value))
            }
        } catch {
            continuation.resume(throwing: error)
        }
    }

    func fail(_ error: any Error) {
        let continuation = state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(throwing: error)
    }
}
