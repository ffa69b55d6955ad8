/// A failure of a worker pool call, with a stable code, the worker involved and, for Python exceptions raised
/// in a worker, the exception's type and traceback.
public struct WorkerError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The Python function raised; see ``WorkerError/pythonTypeName`` and ``WorkerError/traceback``.
        case pythonException = "python-exception"
        /// The worker exited, was killed or broke its pipe while running this call. It has been restarted.
        case workerCrashed = "worker-crashed"
        /// The call overran its timeout; its worker was killed and replaced.
        case timedOut = "timed-out"
        /// The calling task was cancelled; the call's worker (if it had started) was killed and replaced.
        case cancelled = "cancelled"
        /// The pool is stopped (or stopping) and takes no more calls.
        case poolStopped = "pool-stopped"
        /// Workers died more often than the restart intensity allows; the pool stopped.
        case restartIntensityExceeded = "restart-intensity-exceeded"
        /// A worker sent bytes that are not a valid frame; it was killed and replaced.
        case protocolViolation = "protocol-violation"
        /// A worker could not start: bad interpreter, version mismatch, or a failing start-up hook.
        case startupFailed = "startup-failed"
        /// An argument could not be pickled in the host, or the result could not be pickled in the worker.
        case notPicklable = "not-picklable"
        /// A call's arguments (over 4 GiB pickled) or its result (over 1 GiB pickled) are larger than a frame
        /// carries. Arguments that large are never sent; a result that large is not sent back (the call ran), and
        /// the worker stays up.
        case payloadTooLarge = "payload-too-large"
        /// A result named a class or function the host does not unpickle (see
        /// ``WorkerPoolConfiguration/trustedResultTypes``); nothing it named ran in the host.
        case untrustedResult = "untrusted-result"
        /// A call named a worker that is not in the pool.
        case noSuchWorker = "no-such-worker"
        /// The configuration or an argument of a pool operation is invalid.
        case invalidArgument = "invalid-argument"
        /// A cluster task killed every worker it ran on (Dask's `KilledWorker`).
        case killedWorker = "killed-worker"
        /// No cluster scheduler answered within the connect timeout.
        case unreachable = "unreachable"
        /// A handle's object is gone with the process that held it (its worker crashed, was restarted, timed out
        /// or was removed; on a cluster, its actor's worker died). Objects are never re-created elsewhere.
        case objectLost = "object-lost"
        /// A handle was used after ``RemoteObject/release()``.
        case objectReleased = "object-released"
        /// One call named handles of different workers (or of different pools); an object is reached only where
        /// it lives, so such a call cannot run anywhere.
        case objectsOnDifferentWorkers = "objects-on-different-workers"
        /// An ``OpaquePythonValue`` sent back does not unpickle in the worker (its bytes were not made by a worker
        /// or were altered); the call did not run.
        case invalidOpaqueValue = "invalid-opaque-value"
    }

    /// What went wrong.
    public var code: Code
    /// A sentence that says what and where.
    public var message: String
    /// The worker involved, when there is one.
    public var worker: WorkerID?
    /// For ``Code/pythonException``: the exception's qualified type name (`ZeroDivisionError`, `json.decoder.JSONDecodeError`).
    public var pythonTypeName: String?
    /// For ``Code/pythonException``: the traceback formatted in the worker.
    public var traceback: String?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, worker: WorkerID? = nil, pythonTypeName: String? = nil,
        traceback: String? = nil
    ) {
        self.code = code
        self.message = message
        self.worker = worker
        self.pythonTypeName = pythonTypeName
        self.traceback = traceback
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
