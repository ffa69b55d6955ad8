import PythonRuntime
import PythonWorkers

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

/// Remote Python servers: the same calls as `WorkerPool` (one worker, every worker, ordered `map`, typed calls
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
/// cooperative threads: every operation runs as a coroutine on the client's event loop (connecting and closing on
/// one long-lived client thread), and its completion wakes one dedicated thread that resumes the waiting task.
/// Every operation has a deadline and honours task cancellation, even one that arrives before it started.
///
/// Results are decoded like `WorkerPool`'s: the client refuses pickled messages from the cluster
/// (`deserializers=["msgpack", "error"]`), workers send results as pickled bytes, and the host unpickles them
/// with the restricted unpickler (plain data, the safe standard value types and ``trustedResultTypes``).
public final class DaskCluster: PythonCallExecutor {
    private let client: PythonObject
    /// The Python client, for the object handles.
    var clientObject: PythonObject { client }
    private let completions: DaskCompletions
    /// The deadline of a call that does not give its own, and of the cluster operations (`run`, `scatter`, …).
    public let callTimeout: Duration
    /// Classes and functions (`module.Name`) a result may name besides plain data and the safe standard value
    /// types; see `WorkerPoolConfiguration/trustedResultTypes`.
    public let trustedResultTypes: Set<String>

    private init(
        client: PythonObject, completions: DaskCompletions, callTimeout: Duration, trustedResultTypes: Set<String>
    ) {
        self.client = client
        self.completions = completions
        self.callTimeout = callTimeout
        self.trustedResultTypes = trustedResultTypes
    }

    deinit {
        completions.close()
    }

    /// Connects to a running scheduler, e.g. `tcp://127.0.0.1:8786` or `tls://scheduler:8786`.
    /// - Throws: `WorkerError` with code `unreachable` if no scheduler answers within `connectTimeout`.
    public static func connect(
        to address: String, security: DaskSecurity? = nil, connectTimeout: Duration = .seconds(10),
        callTimeout: Duration = .seconds(60), trustedResultTypes: Set<String> = []
    ) async throws -> DaskCluster {
        let connect = try DaskSupport.function("connect")
        let arguments = try Python.withGIL { () throws -> PythonObject in
            var settings: [String: PythonObject] = [:]
            if let security {
                settings = [
                    "tls_ca_file": try PythonObject(security.caFile),
                    "tls_client_cert": try PythonObject(security.certificateFile),
                    "tls_client_key": try PythonObject(security.keyFile),
                    "require_encryption": try PythonObject(security.requireEncryption),
                ]
            }
            return try PythonObject(
                tuple: address,
                Double(connectTimeout.components.seconds) + Double(connectTimeout.components.attoseconds) / 1e18,
                settings)
        }
        let completions = try DaskCompletions()
        let outcome: Result<PythonObject, ClientThreadFailure>
        do {
            outcome = try await completions.onClientThread(
                "connecting to \(address)", timeout: connectTimeout + .seconds(5), connect, arguments)
        } catch {
            completions.close()  // cancelled or timed out: no client, and the completion thread ends
            throw error
        }
        guard case .success(let client) = outcome else {
            completions.close()
            throw WorkerError(
                .unreachable,
                "no Dask scheduler answered at \(address) within \(connectTimeout): \(outcome.failureText)")
        }
        return DaskCluster(
            client: client, completions: completions, callTimeout: callTimeout, trustedResultTypes: trustedResultTypes)
    }

    /// Starts a `LocalCluster` of worker processes on this machine (for development) and connects to it.
    public static func startLocal(
        workers: Int = 2, threadsPerWorker: Int = 1, callTimeout: Duration = .seconds(60),
        trustedResultTypes: Set<String> = []
    ) async throws -> DaskCluster {
        let start = try DaskSupport.function("start_local")
        let arguments = try Python.withGIL { () throws -> PythonObject in
            try PythonObject(tuple: workers, threadsPerWorker)
        }
        let completions = try DaskCompletions()
        let outcome: Result<PythonObject, ClientThreadFailure>
        do {
            outcome = try await completions.onClientThread(
                "starting a local cluster", timeout: .seconds(120), start, arguments)
        } catch {
            completions.close()
            throw error
        }
        guard case .success(let client) = outcome else {
            completions.close()
            throw WorkerError(.startupFailed, "the local Dask cluster did not start: \(outcome.failureText)")
        }
        return DaskCluster(
            client: client, completions: completions, callTimeout: callTimeout, trustedResultTypes: trustedResultTypes)
    }

    /// Closes the client (and a local cluster it started). Pending calls fail with `pool-stopped`.
    public func close() async {
        guard !completions.isClosed else { return }
        let close = try? DaskSupport.function("close")
        if let close,
            let arguments = try? Python.withGIL({ () throws -> PythonObject in try PythonObject(tuple: client, 10) })
        {
            _ = try? await completions.onClientThread("closing the client", timeout: .seconds(20), close, arguments)
        }
        completions.close()
    }

    // MARK: - Calls

    /// Throws `pool-stopped` once ``close()`` was called.
    private func checkOpen() throws {
        if completions.isClosed { throw WorkerError(.poolStopped, "the cluster client was closed") }
    }

    /// Calls `module.function(*arguments)` on one Dask worker and converts the result.
    public func call<Result: ConvertibleFromPython>(
        _ module: String, _ function: String, arguments: PythonArguments, timeout: Duration? = nil
    ) async throws -> Result {
        try checkOpen()
        let name = "\(module).\(function)"
        let answer = try await callAnswer(module, function, arguments: arguments, timeout: timeout)
        return try Python.withGIL { () throws -> Result in try decode(answer, name: name) }
    }

    /// Calls `module.function(arguments)` and answers the result as an opaque value (the worker's pickle, never
    /// unpickled here), to pass back to later calls.
    public func call(
        _ module: String, _ function: String, arguments: PythonArguments, timeout: Duration? = nil
    ) async throws -> OpaquePythonValue {
        let name = "\(module).\(function)"
        let answer = try await callAnswer(module, function, arguments: arguments, timeout: timeout)
        return try Python.withGIL { () throws -> OpaquePythonValue in
            let (status, payload) = try answer.tuple(of: Int.self, PythonObject.self)
            if status == 0 { return OpaquePythonValue(pickle: try [UInt8](payload)) }
            let _: PythonNoneResult = try decode(answer, name: name)
            throw WorkerError(.protocolViolation, "\(name): an answer of unknown status \(status)")
        }
    }

    /// Calls `module.function(arguments…)` and answers the result as an opaque value.
    public func call(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> OpaquePythonValue {
        try await call(module, function, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Runs one call as a task (on the worker of the handles it names, if any) and returns its raw answer.
    func callAnswer(
        _ module: String, _ function: String, arguments: PythonArguments, timeout: Duration?,
        on worker: String? = nil
    ) async throws -> PythonObject {
        try checkOpen()
        let name = "\(module).\(function)"
        var (address, packed) = try placedArguments(arguments, call: name)
        if let worker {
            if let address, address != worker {
                throw WorkerError(
                    .objectsOnDifferentWorkers,
                    "\(name) names an object of \(address) but must run on \(worker): objects of different workers "
                        + "cannot meet in one call")
            }
            address = worker
        }
        let submit = try DaskSupport.function("submit")
        let futures = try Python.withGIL { () throws -> PythonObject in
            try submit.call(
                client, module, function, packed.positional, packed.keywords, try Self.workers(address))
        }
        return try await gather(futures, name: name, timeout: timeout ?? callTimeout)[0]
    }

    // MARK: - Objects

    /// Makes `module.function(arguments)` on a Dask worker and keeps it there as a Dask actor, answering a handle
    /// to it: `let date = try await cluster.makeObject("datetime", "date", 1923, 4, 2)`. Handles among the
    /// arguments place the new object on their worker.
    /// - Throws: `WorkerError` (the Python exception, handles of different workers, a timeout, cancellation).
    public func makeObject(
        _ module: String, _ function: String, arguments: PythonArguments, timeout: Duration? = nil
    ) async throws -> DaskRemoteObject {
        try checkOpen()
        let name = "\(module).\(function)"
        let (address, packed) = try placedArguments(arguments, call: name)
        let request = try Python.withGIL { () throws -> PythonObject in
            try PythonObject(
                tuple: client, module, function, packed.positional, packed.keywords, try Self.workers(address))
        }
        let answer = try await onObject(name, "kept_call", request, timeout: timeout)
        return try remoteObject(answer, name: name)
    }

    /// Makes `module.function(arguments…)` on a Dask worker and keeps it there.
    public func makeObject(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> DaskRemoteObject {
        try await makeObject(module, function, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Makes `module.function(*arguments, **kwargs)` on a Dask worker and keeps it there.
    public func makeObject<Value: ConvertibleToPython>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., kwargs: [String: Value],
        timeout: Duration? = nil
    ) async throws -> DaskRemoteObject {
        var collected = try PythonArguments(positional: arguments)
        try collected.append(keywords: kwargs)
        return try await makeObject(module, function, arguments: collected, timeout: timeout)
    }

    /// The `PythonCallExecutor` entry point generated classes' remote constructors use.
    public func makeObject(_ function: PythonCallableReference, with arguments: PythonArguments) async throws
        -> any RemotePythonObject
    {
        try await makeObject(function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    /// Dask's `workers=` restriction: the address, or `None` (any worker).
    private static func workers(_ address: String?) throws(PythonError) -> PythonObject {
        guard let address else { return Python.none }
        return try PythonObject([address])
    }

    /// The arguments as Python values, and the one worker address the handles among them live on.
    /// - Throws: `WorkerError` `objects-on-different-workers` for handles of two workers (or of a worker pool).
    func placedArguments(_ arguments: PythonArguments, call name: String) throws -> (
        String?, (positional: [PythonObject], keywords: [String: PythonObject])
    ) {
        try Python.withGIL { () throws -> (String?, (positional: [PythonObject], keywords: [String: PythonObject])) in
            var keywords: [String: PythonObject] = [:]
            for (name, value) in arguments.keywordArguments { keywords[name] = value }
            let placed = try DaskSupport.function("placement").call(arguments.positionalArguments, keywords)
            let (status, addresses) = (try Int(placed[0]), try [String](placed[1]))
            if status != 0 || addresses.contains("a worker pool") {
                throw WorkerError(
                    .objectsOnDifferentWorkers,
                    "\(name) names objects of \(addresses.joined(separator: " and ")): objects of different workers "
                        + "cannot meet in one call")
            }
            return (addresses.first, (try [PythonObject](placed[2]), try [String: PythonObject](placed[3])))
        }
    }

    /// Runs an object operation on the client's loop. Python exceptions of the object come back as answers; an
    /// operation that fails itself (its actor's worker is gone) means the object is lost.
    func onObject(_ name: String, _ helper: String, _ arguments: PythonObject, timeout: Duration?) async throws
        -> PythonObject
    {
        do {
            return try await onLoop(name, helper, arguments, timeout: timeout ?? callTimeout)
        } catch let error as WorkerError where Self.meansObjectLost(error) {
            throw WorkerError(
                .objectLost,
                "\(name) needs an object whose Dask worker is gone (\(error.pythonTypeName ?? "error"): "
                    + "\(error.message)); objects die with their worker and are never re-created",
                pythonTypeName: error.pythonTypeName, traceback: error.traceback)
        }
    }

    /// Whether an object operation's own failure means its actor's worker is gone: the connection to it broke,
    /// the actor is not on it any more, or Dask gave up on its task.
    private static func meansObjectLost(_ error: WorkerError) -> Bool {
        if error.code == .killedWorker { return true }
        guard error.code == .pythonException, let type = error.pythonTypeName else { return false }
        let lost = ["ObjectLost", "OSError", "CommClosedError", "StreamClosedError", "LookupError", "KeyError"]
        return lost.contains { type.hasSuffix($0) }
    }

    /// A handle from an answer `(status, detail, future, actor, address)` of `make_actor`.
    func remoteObject(_ answer: PythonObject, name: String) throws -> DaskRemoteObject {
        try Python.withGIL { () throws -> DaskRemoteObject in
            let status = try Int(answer[0])
            guard status == 0 else {
                let (typeName, message, traceback) = try answer[1].tuple(of: String.self, String.self, String.self)
                throw WorkerError(
                    .pythonException, "\(name) raised \(typeName): \(message)", pythonTypeName: typeName,
                    traceback: traceback)
            }
            return DaskRemoteObject(
                lifetime: try DaskObjectLifetime(
                    cluster: self, future: try answer[2], actor: try answer[3], address: try String(answer[4]),
                    typeName: try String(answer[1])))
        }
    }

    /// Calls `module.function(arguments…)` on one Dask worker.
    public func call<Result: ConvertibleFromPython>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> Result {
        let collected = try PythonArguments(positional: arguments)
        return try await call(module, function, arguments: collected, timeout: timeout)
    }

    /// The `PythonCallExecutor` entry point used by generated modules' `on(_:)` variants.
    public func call<Result: ConvertibleFromPython>(
        _ function: PythonCallableReference, with arguments: PythonArguments
    ) async throws -> Result {
        try await call(function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    /// Runs the same call on every worker (Dask's `Client.run`): one result per worker, in worker-address order.
    public func callOnEveryWorker<Result: ConvertibleFromPython & Sendable>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> [Result] {
        try checkOpen()
        let name = "\(module).\(function)"
        let collected = try PythonArguments(positional: arguments)
        let arguments = try Python.withGIL { () throws -> PythonObject in
            try PythonObject(tuple: client, module, function, collected.positionalArguments, [String: PythonObject]())
        }
        let answers = try await onLoop(name, "run_everywhere", arguments, timeout: timeout ?? callTimeout)
        return try Python.withGIL { () throws -> [Result] in
            try [PythonObject](answers).map { (answer: PythonObject) throws -> Result in try decode(answer, name: name)
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
        let name = "\(module).\(function)"
        let futures = try Python.withGIL { () throws -> PythonObject in
            let chunks = try ranges.map { try PythonObject(Array(inputs[$0])) }
            return try submitChunks.call(client, module, function, chunks)
        }
        let answers = try await gather(futures, name: name, timeout: timeout ?? callTimeout)
        return try Python.withGIL { () throws -> [Output] in
            var outputs: [Output] = []
            outputs.reserveCapacity(inputs.count)
            for (answer, range) in zip(answers, ranges) {
                let chunk: [Output] = try decode(answer, name: name)
                guard chunk.count == range.count else {
                    throw WorkerError(
                        .protocolViolation, "\(name): a chunk of \(range.count) gave \(chunk.count) results")
                }
                outputs += chunk
            }
            return outputs
        }
    }

    /// Sends `value` to the workers once (Dask's `scatter`); pass the returned handle as an argument of later
    /// calls instead of the value, and Dask hands the workers their copy.
    public func scatter(_ value: some ConvertibleToPython, broadcast: Bool = false, timeout: Duration? = nil)
        async throws -> DaskData
    {
        try checkOpen()
        let arguments = try Python.withGIL { () throws -> PythonObject in
            try PythonObject(tuple: client, PythonObject(value), broadcast)
        }
        let future = try await onLoop("scatter", "scatter", arguments, timeout: timeout ?? callTimeout)
        return DaskData(future: future)
    }

    /// How many workers the scheduler knows.
    public func workerCount(timeout: Duration? = nil) async throws -> Int {
        try checkOpen()
        let arguments = try Python.withGIL { () throws -> PythonObject in try PythonObject(tuple: client) }
        let count = try await onLoop("workerCount", "worker_count", arguments, timeout: timeout ?? callTimeout)
        return try Python.withGIL { () throws -> Int in try Int(count) }
    }

    /// Waits until the scheduler has at least `count` workers.
    public func waitForWorkers(_ count: Int, timeout: Duration = .seconds(30)) async throws {
        let end = ContinuousClock.now + timeout
        while try await workerCount(timeout: max(end - .now, .milliseconds(1))) < count {
            guard ContinuousClock.now < end else {
                throw WorkerError(.startupFailed, "the cluster did not reach \(count) workers within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// How many tasks the scheduler holds (0 once every future was answered or released).
    public func schedulerTaskCount(timeout: Duration? = nil) async throws -> Int {
        try checkOpen()
        let arguments = try Python.withGIL { () throws -> PythonObject in try PythonObject(tuple: client) }
        let count = try await onLoop(
            "schedulerTaskCount", "scheduler_task_count", arguments, timeout: timeout ?? callTimeout)
        return try Python.withGIL { () throws -> Int in try Int(count) }
    }

    // MARK: - Operations

    /// Runs the coroutine function `helper(*arguments)` on the client's event loop and returns its value.
    /// - Throws: `WorkerError`: `timed-out`, `cancelled`, `pool-stopped`, or what the operation raised.
    func onLoop(_ name: String, _ helper: String, _ arguments: PythonObject, timeout: Duration)
        async throws -> PythonObject
    {
        let function = try DaskSupport.function(helper)
        let completions = completions
        let client = client
        let future = try await completions.run(
            name, timeout: timeout,
            start: { token throws -> PythonObject in
                try Python.withGIL { () throws -> PythonObject in
                    try completions.python.on_loop.call(client, token, function, arguments)
                }
            },
            abandon: { future in
                _ = try? Python.withGIL { () throws(PythonError) in let _: PythonObject = try future.cancel.call() }
            })
        return try Python.withGIL { () throws -> PythonObject in
            try Self.value(of: future, name: name)
        }
    }

    /// Waits for every future of `futures` and gathers their answers; on a timeout or cancellation the futures
    /// are cancelled, so the scheduler forgets the tasks.
    private func gather(_ futures: PythonObject, name: String, timeout: Duration) async throws -> [PythonObject] {
        let arguments = try Python.withGIL { () throws -> PythonObject in try PythonObject(tuple: client, futures) }
        do {
            let gathered = try await onLoop(name, "gather", arguments, timeout: timeout)
            return try Python.withGIL { () throws -> [PythonObject] in try [PythonObject](gathered) }
        } catch let error as WorkerError where error.code == .timedOut || error.code == .cancelled {
            let cancel = try DaskSupport.function("cancel")
            let completions = completions
            let client = client
            _ = try? Python.withGIL { () throws -> PythonObject in
                try completions.python.on_loop.call(client, 0, cancel, PythonObject(tuple: client, futures))
            }
            throw error
        }
    }

    /// The value of a finished operation, or the error it stands for.
    private static func value(of future: PythonObject, name: String) throws -> PythonObject {
        let (status, payload) = try DaskSupport.function("outcome").call(future).tuple(of: Int.self, PythonObject.self)
        switch status {
        case 0: return payload
        case 2: throw WorkerError(.cancelled, "\(name) was cancelled on the cluster")
        default:
            let (typeName, message, traceback) = try payload.tuple(of: String.self, String.self, String.self)
            if typeName.hasSuffix("KilledWorker") {
                throw WorkerError(
                    .killedWorker, "\(name) killed every worker it ran on (Dask's KilledWorker): \(message)",
                    pythonTypeName: typeName, traceback: traceback)
            }
            if typeName.hasSuffix("CancelledError") {
                throw WorkerError(.cancelled, "\(name) was cancelled on the cluster")
            }
            throw WorkerError(
                .pythonException, "\(name) raised \(typeName): \(message)", pythonTypeName: typeName,
                traceback: traceback)
        }
    }

    /// A worker's answer `(status, payload)`: the result unpickled with the restricted unpickler, or the error.
    func decode<Result: ConvertibleFromPython>(_ answer: PythonObject, name: String) throws -> Result {
        let (status, payload) = try answer.tuple(of: Int.self, PythonObject.self)
        switch status {
        case 0:
            return try PickleCodec.decodeResult([UInt8](payload), call: name, trusted: trustedResultTypes)
        case 3:
            let (typeName, message, _) = try payload.tuple(of: String.self, String.self, String.self)
            throw WorkerError(
                .notPicklable, "the result of \(name) cannot be sent back: \(typeName): \(message)",
                pythonTypeName: typeName)
        default:
            let (typeName, message, traceback) = try payload.tuple(of: String.self, String.self, String.self)
            if typeName.hasSuffix("OpaqueValueError") {
                throw WorkerError(
                    .invalidOpaqueValue, "\(name): \(message); \(name) did not run", pythonTypeName: typeName)
            }
            throw WorkerError(
                .pythonException, "\(name) raised \(typeName): \(message)", pythonTypeName: typeName,
                traceback: traceback)
        }
    }
}

/// Data placed on a Dask cluster with ``DaskCluster/scatter(_:broadcast:timeout:)``; pass it as an argument and
/// the workers use their copy.
public struct DaskData: Sendable, ConvertibleToPython {
    let future: PythonObject

    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try future.pythonReference()
    }
}
