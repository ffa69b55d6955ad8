import PythonRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A supervised pool of Python worker processes.
///
/// ```swift
/// let pool = try WorkerPool(configuration: WorkerPoolConfiguration(workerCount: 4))
/// try await pool.start()
/// let root: Double = try await pool.call("math", "sqrt", 2.0)
/// let pids: [Int] = try await pool.callOnEveryWorker("os", "getpid")
/// let squares: [Int] = try await pool.map("operator", "neg", Array(1...100_000))
/// await pool.stop()
/// ```
///
/// Workers run the same Python version as the embedded runtime; arguments and results travel as pickles made
/// by the embedded runtime and convert with the same typed conversions as local calls. A worker that dies fails
/// only the call it was running (``WorkerError/Code/workerCrashed``) and is restarted; more restarts than the
/// ``RestartIntensity`` allows stop the pool and fail every waiting call. Every call has a deadline
/// (``WorkerPoolConfiguration/callTimeout`` unless given); a call that overruns it, or whose task is
/// cancelled, gets its own error and its worker is killed and replaced. No call is lost or answered twice.
public final class WorkerPool: PythonCallExecutor {
    /// The configuration the pool was created with.
    public let configuration: WorkerPoolConfiguration
    let core: PoolCore

    /// Prepares a pool (no process starts until ``start()`` or the first call).
    /// - Throws: ``WorkerError`` with code `invalid-argument` if `callsPerWorker` is below 1, `startup-failed` if
    ///   the worker interpreter or script is missing, or `PythonError` if the embedded interpreter cannot start.
    public init(configuration: WorkerPoolConfiguration = WorkerPoolConfiguration()) throws {
        guard configuration.callsPerWorker >= 1 else {
            throw WorkerError(
                .invalidArgument,
                "callsPerWorker must be at least 1 (got \(configuration.callsPerWorker)): a worker that takes no call "
                    + "would leave every call waiting for its timeout")
        }
        self.configuration = configuration
        core = PoolCore(configuration: configuration, launch: try WorkerLaunch(configuration))
    }

    /// Starts the workers and waits until every one has run its start-up hook. Calling it again does nothing.
    /// - Throws: ``WorkerError`` with code `startup-failed` naming the worker and the reason (for example a
    ///   version mismatch or an exception in ``WorkerPoolConfiguration/startupCode``); the pool is then stopped.
    public func start() async throws {
        try await core.start()
    }

    /// Stops the pool: no new calls; calls already submitted may finish for up to `gracePeriod`; then workers
    /// are asked to exit and killed a second later if they have not. Waiting calls fail with `pool-stopped`.
    public func stop(gracePeriod: Duration = .seconds(5)) async {
        await core.stop(gracePeriod: gracePeriod)
    }

    /// Runs `body` with a started pool and stops the pool afterwards, also when `body` throws.
    public static func withPool<Result: Sendable>(
        _ configuration: WorkerPoolConfiguration = WorkerPoolConfiguration(),
        _ body: (WorkerPool) async throws -> Result
    ) async throws -> Result {
        let pool = try WorkerPool(configuration: configuration)
        do {
            try await pool.start()
            let result = try await body(pool)
            await pool.stop()
            return result
        } catch {
            await pool.stop(gracePeriod: .zero)
            throw error
        }
    }

    func startIfNeeded() async throws {
        if core.isCreated { try await core.start() }
    }

    // MARK: - Calls

    /// Calls `module.function(*arguments)` on one worker (the scheduler's choice) and converts the result.
    /// - Parameters:
    ///   - module: The module to import in the worker, e.g. `"math"`.
    ///   - function: The function's qualified name in the module, e.g. `"sqrt"` or `"Fraction.from_float"`.
    ///   - arguments: Positional and keyword arguments.
    ///   - key: An affinity key for ``KeyAffinityScheduler``.
    ///   - timeout: This call's deadline; ``WorkerPoolConfiguration/callTimeout`` when `nil`.
    /// - Throws: ``WorkerError`` (the Python exception, a crash, a timeout, cancellation) or `PythonError` if
    ///   the result does not convert to `Result`.
    public func call<Result: ConvertibleFromPython>(
        _ module: String, _ function: String, arguments: PythonArguments, key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> Result {
        let name = "\(module).\(function)"
        let frame = try await submitCall(module, function, arguments: arguments, key: key, timeout: timeout)
        return try decode(frame, name: name, worker: frame.worker)
    }

    /// Sends `module.function(arguments)` to the worker that holds the handles it names, or to the scheduler's
    /// choice.
    func submitCall(
        _ module: String, _ function: String, arguments: PythonArguments, key: String?, timeout: Duration?
    ) async throws -> ResponseFrame {
        try await startIfNeeded()
        let name = "\(module).\(function)"
        let request = try PickleCodec.encodeCall(module: module, function: function, arguments: arguments)
        let placement = try ObjectPlacement.of(request.handles, in: self, call: name)
        // The handles it names stay alive (unreleased) until it is answered.
        defer { withExtendedLifetime(request) {} }
        return try await core.submit(
            kind: .call, payload: request.payload, name: name, target: placement?.worker,
            generation: placement?.generation, key: key, timeout: timeout)
    }

    /// Calls `module.function(arguments…)` on one worker: `try await pool.call("math", "pow", 2.0, 16.0)`.
    public func call<Result: ConvertibleFromPython>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> Result {
        let collected = try PythonArguments(positional: arguments)
        return try await call(module, function, arguments: collected, key: key, timeout: timeout)
    }

    /// The `PythonCallExecutor` entry point used by generated modules' `on(_:)` variants.
    public func call<Result: ConvertibleFromPython>(
        _ function: PythonCallableReference, with arguments: PythonArguments
    ) async throws -> Result {
        try await call(function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    /// Runs the same call on every worker (identical calls) and returns one result per worker, in worker order.
    /// - Throws: the first failure, after every worker has answered.
    public func callOnEveryWorker<Result: ConvertibleFromPython & Sendable>(
        _ module: String, _ function: String, arguments: PythonArguments = PythonArguments(),
        timeout: Duration? = nil
    ) async throws -> [Result] {
        try await startIfNeeded()
        let name = "\(module).\(function)"
        let request = try PickleCodec.encodeCall(module: module, function: function, arguments: arguments)
        if let handle = request.handles.first {
            throw WorkerError(
                .objectsOnDifferentWorkers,
                "\(name) names \(handle.name), which lives on one worker only; it cannot be called on every worker",
                worker: handle.worker)
        }
        let payload = request.payload
        let workers = core.workerIDs()
        let outcomes = await withTaskGroup(of: (Int, Swift.Result<Result, any Error>).self) { group in
            for (index, worker) in workers.enumerated() {
                group.addTask { [core] in
                    do {
                        let frame = try await core.submit(
                            kind: .call, payload: payload, name: name, target: worker, timeout: timeout)
                        return (index, .success(try self.decode(frame, name: name, worker: worker)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var outcomes = [Swift.Result<Result, any Error>?](repeating: nil, count: workers.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
        return try outcomes.map { try $0!.get() }
    }

    /// Same as ``callOnEveryWorker(_:_:arguments:timeout:)`` with positional arguments.
    public func callOnEveryWorker<Result: ConvertibleFromPython & Sendable>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> [Result] {
        let collected = try PythonArguments(positional: arguments)
        return try await callOnEveryWorker(module, function, arguments: collected, timeout: timeout)
    }

    /// The value a worker answered, converted to `Result`.
    /// - Throws: the failure the answer reports, or `PythonError` if the value does not convert.
    func decode<Result: ConvertibleFromPython>(_ frame: ResponseFrame, name: String, worker: WorkerID? = nil)
        throws -> Result
    {
        try checkSucceeded(frame, name: name, worker: worker)
        guard frame.status == .result else {
            throw WorkerError(.protocolViolation, "\(name): the worker answered a handle where a value was asked for")
        }
        return try PickleCodec.decodeResult(
            frame.payload, call: name, trusted: configuration.trustedResultTypes, as: Result.self)
    }

    /// The object a worker kept, as a handle.
    func handle(_ frame: ResponseFrame, name: String) throws -> RemoteObject {
        try checkSucceeded(frame, name: name, worker: frame.worker)
        guard let (objectID, typeName) = frame.handle else {
            throw WorkerError(
                .protocolViolation, "\(name): \(frame.worker) answered a value where a handle was asked for")
        }
        return RemoteObject(
            RemoteObjectLifetime(
                pool: self, worker: frame.worker, generation: frame.generation, objectID: objectID, typeName: typeName))
    }

    /// The value a worker answered, kept as its pickle (never unpickled here).
    func opaque(_ frame: ResponseFrame, name: String, worker: WorkerID? = nil) throws -> OpaquePythonValue {
        try checkSucceeded(frame, name: name, worker: worker)
        guard frame.status == .result else {
            throw WorkerError(.protocolViolation, "\(name): the worker answered a handle where a value was asked for")
        }
        return OpaquePythonValue(pickle: frame.payload)
    }

    /// Throws the failure an answer reports: a Python exception, an unpicklable or too large result, an opaque
    /// argument that did not unpickle.
    private func checkSucceeded(_ frame: ResponseFrame, name: String, worker: WorkerID?) throws(WorkerError) {
        switch frame.status {
        case .result, .handle: return
        case .exception: throw PickleCodec.exception(frame.payload, call: name, worker: worker)
        case .unpicklableResult:
            var error = PickleCodec.exception(frame.payload, call: "pickling the result", worker: worker)
            error.code = .notPicklable
            error.message = "the result of \(name) cannot be sent back: \(error.message)"
            throw error
        case .payloadTooLarge:
            var error = PickleCodec.exception(frame.payload, call: name, worker: worker)
            error.code = .payloadTooLarge
            throw error
        case .invalidOpaqueValue:
            var error = PickleCodec.exception(frame.payload, call: name, worker: worker)
            error.code = .invalidOpaqueValue
            error.message += "; \(name) did not run"
            throw error
        case .withdrawn:
            throw WorkerError(.protocolViolation, "\(worker.map { "\($0)" } ?? "a worker") withdrew \(name) unasked")
        }
    }

    // MARK: - Control

    /// Adds workers while the pool runs; waits until they have started.
    @discardableResult
    public func addWorkers(_ count: Int = 1) async throws -> [WorkerID] {
        guard count >= 1 else { throw WorkerError(.invalidArgument, "add at least one worker") }
        let added = try core.addWorkers(count)
        try await core.waitUntilReady(added, timeout: configuration.startupTimeout + .seconds(1))
        return added
    }

    /// Removes a worker (the given one, or the least busy) while the pool runs: it takes no new calls, finishes
    /// those it has, then exits. Calls pinned to it fail with `no-such-worker`.
    /// - Throws: ``WorkerError`` if the worker is not in the pool or is the last one.
    @discardableResult
    public func removeWorker(_ worker: WorkerID? = nil) async throws -> WorkerID {
        try core.removeWorker(worker)
    }

    /// Replaces every worker with a fresh process, one at a time, without failing any call: each new worker
    /// starts before the old one stops taking calls.
    public func restartWorkers() async throws {
        for worker in core.workerIDs() {
            try await addWorkers(1)
            try await removeWorker(worker)
        }
    }

    /// The workers currently in the pool, in slot order.
    public var workers: [WorkerID] { core.workerIDs() }

    /// Per-worker counters: calls, failures, restarts, uptime, busy or idle, output bytes.
    public func statistics() -> [WorkerStatistics] {
        core.statistics()
    }
}
