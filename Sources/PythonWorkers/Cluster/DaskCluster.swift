import Foundation
import PythonRuntime
import Synchronization

/// TLS settings for a Dask cluster (Dask's `distributed.Security`).
///
/// Dask workers unpickle and run what clients send them: a worker must only be reachable by trusted clients.
/// Use TLS with client certificates (`requireEncryption`) whenever the network is not private.
public struct DaskSecurity: Sendable, Equatable {
    /// The certificate authority that signed the scheduler's and workers' certificates.
    public var caFile: String
    /// This client's certificate.
    public var certificateFile: String
    /// This client's private key.
    public var keyFile: String
    /// Refuse unencrypted connections.
    public var requireEncryption: Bool

    /// Creates TLS settings from PEM files.
    public init(caFile: String, certificateFile: String, keyFile: String, requireEncryption: Bool = true) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.requireEncryption = requireEncryption
    }
}

/// Remote Python servers: the same calls as ``WorkerPool`` (one worker, every worker, ordered `map`, typed calls
/// through the generated modules' `on(_:)`), run on a Dask distributed cluster.
///
/// ```swift
/// let cluster = try await DaskCluster.connect(to: "tcp://10.0.0.5:8786")
/// let root: Double = try await cluster.call("math", "sqrt", 2.0)
/// let pids: [Int] = try await cluster.callOnEveryWorker("os", "getpid")
/// let squares: [Int] = try await cluster.map("operator", "neg", Array(0..<10_000))
/// let typed = try await PyMath.on(cluster).pow(2, 16)
/// await cluster.close()
/// ```
///
/// The cluster is driven by Dask's own Python client inside the embedded interpreter. Nothing waits on Swift's
/// cooperative threads: blocking client operations (connect, `run`, `scatter`, close) run on their own thread,
/// and results arrive through Dask done-callbacks that wake one dedicated thread, which resumes the waiting
/// task. The GIL is released whenever Swift is not running Python, so the client's event loop keeps running.
public final class DaskCluster: PythonCallExecutor {
    private let client: PythonObject
    private let completions: PythonObject
    private let waiters = WaiterTable()
    /// The deadline of a call that does not give its own.
    public let callTimeout: Duration

    private struct Waiters: Sendable {
        var nextToken = 1
        var pending: [Int: CheckedContinuation<Void, any Error>] = [:]
        var closed = false
    }

    /// Tasks waiting for a future, by token.
    private final class WaiterTable: Sendable {
        private let state = Mutex(Waiters())

        func withLock<Value: Sendable>(_ body: (inout Waiters) -> Value) -> Value {
            state.withLock { body(&$0) }
        }
    }

    private init(client: PythonObject, callTimeout: Duration) throws {
        self.client = client
        self.callTimeout = callTimeout
        completions = try DaskSupport.function("Completions").call()
        let thread = Thread { [completions, waiters] in
            Self.deliverCompletions(completions, waiters)
        }
        thread.name = "DaskCluster completions"
        thread.start()
    }

    deinit {
        // Let the completion thread end (a closed client has done this already).
        waiters.withLock { $0.closed = true }
        let completions = completions
        _ = try? Python.withGIL { () throws(PythonError) in let _: PythonObject = try completions.post.call(0) }
    }

    /// Connects to a running scheduler, e.g. `tcp://127.0.0.1:8786` or `tls://scheduler:8786`.
    /// - Throws: ``WorkerError`` with code `unreachable` if no scheduler answers within `connectTimeout`.
    public static func connect(
        to address: String, security: DaskSecurity? = nil, connectTimeout: Duration = .seconds(10),
        callTimeout: Duration = .seconds(60)
    ) async throws -> DaskCluster {
        let connect = try DaskSupport.function("connect")
        let seconds = Double(connectTimeout.components.seconds) + Double(connectTimeout.components.attoseconds) / 1e18
        let client = try await Self.onThread { () throws -> PythonObject in
            var settings: [String: PythonObject] = [:]
            if let security {
                settings = [
                    "tls_ca_file": try PythonObject(security.caFile),
                    "tls_client_cert": try PythonObject(security.certificateFile),
                    "tls_client_key": try PythonObject(security.keyFile),
                    "require_encryption": try PythonObject(security.requireEncryption),
                ]
            }
            do {
                return try connect.call(address, seconds, settings) as PythonObject
            } catch let error as PythonError {
                throw WorkerError(
                    .unreachable,
                    "no Dask scheduler answered at \(address) within \(connectTimeout): \(error.typeName): \(error.message)"
                )
            }
        }
        return try DaskCluster(client: client, callTimeout: callTimeout)
    }

    /// Starts a `LocalCluster` of worker processes on this machine (for development) and connects to it.
    public static func startLocal(workers: Int = 2, threadsPerWorker: Int = 1, callTimeout: Duration = .seconds(60))
        async throws -> DaskCluster
    {
        let start = try DaskSupport.function("start_local")
        let client = try await Self.onThread { () throws -> PythonObject in try start.call(workers, threadsPerWorker) }
        return try DaskCluster(client: client, callTimeout: callTimeout)
    }

    /// Closes the client (and a local cluster it started). Pending calls fail with `pool-stopped`.
    public func close() async {
        let pending = waiters.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.closed = true
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for continuation in pending {
            continuation.resume(throwing: WorkerError(.poolStopped, "the cluster client was closed"))
        }
        let client = client
        _ = try? await Self.onThread { () throws in
            let _: PythonObject = try client.close.call()
            let cluster = try client.cluster
            if !cluster.isNone { let _: PythonObject = try cluster.close.call() }
        }
        let completions = completions
        _ = try? Python.withGIL { () throws(PythonError) in let _: PythonObject = try completions.post.call(0) }
    }

    // MARK: - Calls

    /// Throws `pool-stopped` once ``close()`` was called.
    private func checkOpen() throws {
        if waiters.withLock({ $0.closed }) { throw WorkerError(.poolStopped, "the cluster client was closed") }
    }

    /// Calls `module.function(*arguments)` on one Dask worker and converts the result.
    public func call<Result: ConvertibleFromPython>(
        _ module: String, _ function: String, arguments: PythonArguments, timeout: Duration? = nil
    ) async throws -> Result {
        try checkOpen()
        let submit = try DaskSupport.function("submit")
        let client = client
        let future: PythonObject = try Python.withGIL { () throws -> PythonObject in
            var keywords: [String: PythonObject] = [:]
            for (name, value) in arguments.keywordArguments { keywords[name] = value }
            return try submit.call(client, module, function, arguments.positionalArguments, keywords)
        }
        return try await result(of: future, name: "\(module).\(function)", timeout: timeout ?? callTimeout)
    }

    /// Calls `module.function(arguments…)` on one Dask worker.
    public func call<Result: ConvertibleFromPython>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> Result {
        let collected = try PythonArguments(positional: arguments)
        return try await call(module, function, arguments: collected, timeout: timeout)
    }

    /// The ``PythonCallExecutor`` entry point used by generated modules' `on(_:)` variants.
    public func call<Result: ConvertibleFromPython>(
        _ function: PythonCallableReference, with arguments: PythonArguments
    ) async throws -> Result {
        try await call(function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    /// Runs the same call on every worker (Dask's `Client.run`): one result per worker, in worker-address order.
    public func callOnEveryWorker<Result: ConvertibleFromPython & Sendable>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython...
    ) async throws -> [Result] {
        try checkOpen()
        let collected = try PythonArguments(positional: arguments)
        let run = try DaskSupport.function("run_everywhere")
        let client = client
        let positional = collected.positionalArguments
        return try await Self.onThread { () throws -> [Result] in
            do {
                return try run.call(client, module, function, positional, [String: PythonObject]())
            } catch let error as PythonError {
                throw WorkerError(
                    .pythonException, "\(module).\(function) raised \(error.typeName): \(error.message)",
                    pythonTypeName: error.typeName, traceback: error.traceback)
            }
        }
    }

    /// Scatter/gather with Dask: applies `module.function` to every input, in chunks (one task each), and
    /// returns the results in input order.
    public func map<Input: ConvertibleToPython & Sendable, Output: ConvertibleFromPython & Sendable>(
        _ module: String, _ function: String, _ inputs: [Input], chunkSize: Int? = nil, timeout: Duration? = nil
    ) async throws -> [Output] {
        try checkOpen()
        guard !inputs.isEmpty else { return [] }
        let size = chunkSize ?? max(1, min(2_000, inputs.count / 16))
        guard size >= 1 else { throw WorkerError(.invalidArgument, "chunkSize must be at least 1") }
        let ranges = stride(from: 0, to: inputs.count, by: size).map { $0..<min($0 + size, inputs.count) }
        let submitChunks = try DaskSupport.function("submit_chunks")
        let client = client
        let futures: [PythonObject] = try Python.withGIL { () throws -> [PythonObject] in
            let chunks = try ranges.map { try PythonObject(Array(inputs[$0])) }
            return try submitChunks.call(client, module, function, chunks)
        }
        let name = "\(module).\(function)"
        let list = try PythonObject(futures)
        try await waitForAll(list, name: name, timeout: timeout ?? callTimeout)
        // Every chunk is done: one gather (on its own thread: it goes through the client's event loop).
        let gather = try DaskSupport.function("gather_outcome")
        let outcome = try await Self.onThread { () throws -> PythonObject in try gather.call(client, list) }
        return try Self.convert(outcome, name: name)
    }

    /// Sends `value` to the workers once (Dask's `scatter`); pass the returned handle as an argument of later
    /// calls instead of the value, and Dask hands the workers their copy.
    public func scatter(_ value: some ConvertibleToPython, broadcast: Bool = false) async throws -> DaskData {
        try checkOpen()
        let client = client
        let object = try PythonObject(value)
        let future = try await Self.onThread { () throws -> PythonObject in
            try client.scatter.call(arguments: [object], keywordArguments: ["broadcast": PythonObject(broadcast)])
        }
        return DaskData(future: future)
    }

    /// How many workers the scheduler knows.
    public func workerCount() throws -> Int {
        try DaskSupport.function("worker_count").call(client)
    }

    /// Waits until the scheduler has at least `count` workers.
    public func waitForWorkers(_ count: Int, timeout: Duration = .seconds(30)) async throws {
        let end = ContinuousClock.now + timeout
        while try workerCount() < count {
            guard ContinuousClock.now < end else {
                throw WorkerError(.startupFailed, "the cluster did not reach \(count) workers within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// How many tasks the scheduler holds (0 once every future was answered or released).
    public func schedulerTaskCount() async throws -> Int {
        let count = try DaskSupport.function("scheduler_task_count")
        let client = client
        return try await Self.onThread { () throws -> Int in try count.call(client) }
    }

    // MARK: - Waiting

    /// Waits for `future` without blocking a cooperative thread, then converts its outcome.
    private func result<Result: ConvertibleFromPython>(of future: PythonObject, name: String, timeout: Duration)
        async throws -> Result
    {
        try await waitForAll(PythonObject([future]), name: name, timeout: timeout)
        let outcome = try DaskSupport.function("outcome").call(future) as PythonObject
        return try Self.convert(outcome, name: name)
    }

    /// Waits until every future of the Python list `futures` is done (one done-callback token for all), without
    /// blocking a cooperative thread. On timeout or cancellation the futures are released.
    private func waitForAll(_ futures: PythonObject, name: String, timeout: Duration) async throws {
        let token = waiters.withLock { state -> Int in
            defer { state.nextToken += 1 }
            return state.nextToken
        }
        let completions = completions
        let timer = Task { [waiters] in
            try await Task.sleep(for: timeout)
            let continuation = waiters.withLock { $0.pending.removeValue(forKey: token) }
            continuation?.resume(throwing: WorkerError(.timedOut, "\(name) timed out after \(timeout) on the cluster"))
        }
        defer { timer.cancel() }
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let closed = waiters.withLock { state -> Bool in
                        if state.closed { return true }
                        state.pending[token] = continuation
                        return false
                    }
                    if closed {
                        continuation.resume(throwing: WorkerError(.poolStopped, "the cluster client was closed"))
                        return
                    }
                    do {
                        try Python.withGIL { () throws(PythonError) in
                            let _: PythonObject = try completions.watch_all.call(futures, token)
                        }
                    } catch {
                        waiters.withLock { $0.pending.removeValue(forKey: token) }?.resume(throwing: error)
                    }
                }
            } onCancel: {
                let continuation = waiters.withLock { $0.pending.removeValue(forKey: token) }
                continuation?.resume(throwing: WorkerError(.cancelled, "\(name) was cancelled"))
            }
        } catch {
            // Timed out or cancelled: release the futures so the scheduler forgets the tasks.
            let client = client
            if let cancel = try? DaskSupport.function("cancel_all") {
                _ = try? await Self.onThread { () throws in let _: PythonObject = try cancel.call(client, futures) }
            }
            throw error
        }
    }

    /// Converts an `(status, payload)` outcome into the result or the error it stands for.
    private static func convert<Result: ConvertibleFromPython>(_ outcome: PythonObject, name: String) throws -> Result {
        let (status, payload) = try outcome.tuple(of: Int.self, PythonObject.self)
        switch status {
        case 0: return try Result(payload)
        case 2: throw WorkerError(.cancelled, "\(name) was cancelled on the cluster")
        default:
            let (typeName, message, traceback) = try payload.tuple(of: String.self, String.self, String.self)
            if typeName.hasSuffix("KilledWorker") {
                throw WorkerError(
                    .killedWorker,
                    "\(name) killed every worker it ran on (Dask's KilledWorker): \(message)", pythonTypeName: typeName,
                    traceback: traceback)
            }
            if status == 3 {
                throw WorkerError(
                    .notPicklable, "the result of \(name) could not be unpickled in the host: \(typeName): \(message)",
                    pythonTypeName: typeName, traceback: traceback)
            }
            throw WorkerError(
                .pythonException, "\(name) raised \(typeName): \(message)", pythonTypeName: typeName,
                traceback: traceback)
        }
    }

    /// The completion thread: blocks in `SimpleQueue.get()` (GIL released) and resumes whoever waits.
    private static func deliverCompletions(_ completions: PythonObject, _ waiters: WaiterTable) {
        while true {
            guard let token = try? Python.withGIL({ () throws(PythonError) -> Int in try completions.next.call() })
            else { return }
            if token == 0 && waiters.withLock({ $0.closed }) { return }
            waiters.withLock { $0.pending.removeValue(forKey: token) }?.resume()
        }
    }

    /// Runs blocking client work on its own thread, so no cooperative thread waits on the network.
    private static func onThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value
    {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try Python.withGIL { try body() })
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}

/// Data placed on a Dask cluster with ``DaskCluster/scatter(_:broadcast:)``; pass it as an argument and the
/// workers use their copy.
public struct DaskData: Sendable, ConvertibleToPython {
    let future: PythonObject

    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try future.pythonReference()
    }
}
