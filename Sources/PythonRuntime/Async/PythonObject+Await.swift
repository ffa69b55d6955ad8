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
                    let future = try PythonEventLoop.schedule.get().call(self, done)
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
        /// Held only while the await runs: the future holds the done-callback, which holds this state, and Python's
        /// collector cannot see that cycle through Swift.
        var future: PythonObject?
        var cancelled = false
        var finished = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<PythonObject, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func started(_ future: PythonObject) {
        let cancelNow = state.withLock { state -> Bool in
            guard !state.finished else { return false }
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

    /// Ends the await; returns the continuation to resume, if it was still waiting.
    private func end() -> CheckedContinuation<PythonObject, any Error>? {
        let (continuation, future) = state.withLock { state in
            defer {
                state.continuation = nil
                state.future = nil
                state.finished = true
            }
            return (state.continuation, state.future)
        }
        withExtendedLifetime(future) {}  // the future is released here, outside the lock
        return continuation
    }

    /// Called on the loop thread (GIL held) with the finished future.
    func finish(with future: PythonObject?) {
        guard let continuation = end() else { return }
        guard let future else {
            continuation.resume(
                throwing: PythonError(code: .pythonException, message: "an await finished without a future"))
            return
        }
        do {
            let (status, value) = try PythonEventLoop.outcome.get().call(future).tuple(
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
        end()?.resume(throwing: error)
    }
}
