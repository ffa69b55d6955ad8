import Foundation
import PythonRuntime
import PythonWorkers
import Synchronization

/// Turns finished Dask operations into resumed Swift tasks, with a deadline and cancellation for each.
///
/// Each operation gets a token before it starts; its Python completion posts the token to a queue that one
/// long-lived thread reads with the GIL released. A timeout or a cancellation resumes the task at once, also
/// one that arrives before the task was suspended (it is remembered by token), and the operation's `abandon`
/// action then cancels the Python side.
final class DaskCompletions: Sendable {
    /// The Python `Completions` object (a queue of tokens and the ways to start operations).
    let python: PythonObject
    private let state = Mutex(State())

    private struct State {
        var nextToken = 1
        var pending: [Int: CheckedContinuation<Void, any Error>] = [:]
        /// Tokens handed out whose task is not waiting yet (it is suspending, or starting the operation).
        var registering: Set<Int> = []
        /// A timeout or cancellation that came while the task was not waiting yet.
        var failedEarly: [Int: WorkerError] = [:]
        /// Operations that finished before their task was waiting.
        var finishedEarly: Set<Int> = []
        var closed = false
    }

    init() throws {
        python = try DaskSupport.function("Completions").call()
        let thread = Thread { [self] in deliver() }
        thread.name = "DaskCluster completions"
        thread.start()
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Fails every waiting operation with `pool-stopped` and ends the completion thread.
    func close() {
        let pending = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.closed = true
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for continuation in pending {
            continuation.resume(throwing: WorkerError(.poolStopped, "the cluster client was closed"))
        }
        let python = python
        _ = try? Python.withGIL { () throws(PythonError) in let _: PythonObject = try python.post.call(0) }
    }

    /// Starts an operation with `start(token)` and waits until it finishes, its deadline passes or the task is
    /// cancelled (also before it started); on the last two, `abandon` runs after the task was resumed, to
    /// release the Python side.
    /// - Returns: what `start` returned (for example the Python future to read the outcome from).
    func run<Handle: Sendable>(
        _ name: String, timeout: Duration, start: (Int) throws -> Handle,
        abandon: @Sendable (Handle) -> Void
    ) async throws -> Handle {
        let token = state.withLock { state -> Int in
            defer { state.nextToken += 1 }
            state.registering.insert(state.nextToken)
            return state.nextToken
        }
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.fail(token, WorkerError(.timedOut, "\(name) timed out after \(timeout) on the cluster"))
        }
        defer { timer.cancel() }
        var started: Handle?
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let refusal = state.withLock { state -> WorkerError? in
                        if let error = state.failedEarly.removeValue(forKey: token) {
                            state.registering.remove(token)
                            return error
                        }
                        if state.closed {
                            state.registering.remove(token)
                            return WorkerError(.poolStopped, "the cluster client was closed")
                        }
                        return nil
                    }
                    if let refusal { return continuation.resume(throwing: refusal) }
                    do {
                        started = try start(token)
                    } catch {
                        state.withLock { _ = $0.registering.remove(token) }
                        return continuation.resume(throwing: error)
                    }
                    // Now wait, unless the operation finished, failed or was cancelled meanwhile.
                    let early = state.withLock { state -> Result<Void, WorkerError>? in
                        state.registering.remove(token)
                        if state.finishedEarly.remove(token) != nil { return .success(()) }
                        if let error = state.failedEarly.removeValue(forKey: token) { return .failure(error) }
                        state.pending[token] = continuation
                        return nil
                    }
                    if let early { continuation.resume(with: early.mapError { $0 }) }
                }
            } onCancel: {
                fail(token, WorkerError(.cancelled, "\(name) was cancelled"))
            }
        } catch {
            if let started { abandon(started) }
            throw error
        }
        return started!
    }

    /// Resumes the operation `token` with `error` now, or as soon as it waits.
    private func fail(_ token: Int, _ error: WorkerError) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.registering.contains(token) { state.failedEarly[token] = error }
            return state.pending.removeValue(forKey: token)
        }
        continuation?.resume(throwing: error)
    }

    /// The completion thread: blocks in `SimpleQueue.get()` (GIL released) and resumes whoever waits.
    private func deliver() {
        while true {
            guard let token = try? Python.withGIL({ () throws(PythonError) -> Int in try python.next.call() })
            else { return }
            if token == 0 && state.withLock({ $0.closed }) { return }
            let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if state.registering.contains(token) { state.finishedEarly.insert(token) }
                return state.pending.removeValue(forKey: token)
            }
            continuation?.resume()
        }
    }

    /// Runs the blocking `function(*arguments)` on the one long-lived client thread (connecting, closing).
    /// - Returns: its value, or the text of what it raised.
    func onClientThread(_ name: String, timeout: Duration, _ function: PythonObject, _ arguments: PythonObject)
        async throws -> Result<PythonObject, ClientThreadFailure>
    {
        let python = python
        let future = try await run(
            name, timeout: timeout,
            start: { token throws -> PythonObject in
                try Python.withGIL { () throws -> PythonObject in
                    try python.on_client_thread.call(token, function, arguments)
                }
            },
            abandon: { _ in })
        return try Python.withGIL { () throws -> Result<PythonObject, ClientThreadFailure> in
            let (status, payload) = try DaskSupport.function("outcome").call(future).tuple(
                of: Int.self, PythonObject.self)
            guard status == 0 else {
                let (typeName, message, _) = try payload.tuple(of: String.self, String.self, String.self)
                return .failure(ClientThreadFailure(text: "\(typeName): \(message)"))
            }
            return .success(payload)
        }
    }
}

/// What a blocking client operation raised, as text.
struct ClientThreadFailure: Error {
    var text: String
}

extension Result where Failure == ClientThreadFailure {
    /// The failure's text (empty for a success).
    var failureText: String {
        if case .failure(let failure) = self { return failure.text }
        return ""
    }
}
