import PythonRuntime

extension WorkerPool {
    /// Calls `module.function(arguments)` on a worker and keeps the result there, answering a handle to it:
    /// `let date = try await pool.makeObject("datetime", "date", 1923, 4, 2)`. Handles among the arguments send
    /// the call to the worker that holds them (so the new object lives beside them).
    /// - Parameters:
    ///   - module: The module to import in the worker.
    ///   - function: The class or function's qualified name in the module, e.g. `"UserDict"` or
    ///     `"datetime.now"`.
    ///   - arguments: The positional and keyword arguments.
    ///   - key: The scheduling key, for a key-affinity scheduler.
    ///   - timeout: This call's deadline; ``WorkerPoolConfiguration/callTimeout`` when `nil`.
    /// - Throws: ``WorkerError`` (the Python exception, a crash, a timeout, handles of different workers).
    public func makeObject(
        _ module: String, _ function: String, arguments: PythonArguments, key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> RemoteObject {
        try await startIfNeeded()
        let name = "\(module).\(function)"
        let request = try PickleCodec.encodeObjectRequest(
            target: .module(module), operation: .call, name: function, arguments: arguments, keepsResult: true,
            description: name)
        let placement = try ObjectPlacement.of(request.handles, in: self, call: name)
        // The handles it names stay alive (unreleased) until it is answered.
        defer { withExtendedLifetime(request) {} }
        let frame = try await core.submit(
            kind: .object, payload: request.payload, name: name, target: placement?.worker,
            generation: placement?.generation, key: key, timeout: timeout)
        return try handle(frame, name: name)
    }

    /// Calls `module.function(arguments…)` on a worker and keeps the result there.
    public func makeObject(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> RemoteObject {
        try await makeObject(
            module, function, arguments: try PythonArguments(positional: arguments), key: key, timeout: timeout)
    }

    /// Calls `module.function(*arguments, **keywords)` on a worker and keeps the result there:
    /// `try await pool.makeObject("collections", "UserDict", kwargs: ["a": 1, "b": 2])`.
    public func makeObject<Value: ConvertibleToPython>(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., kwargs: [String: Value],
        key: String? = nil, timeout: Duration? = nil
    ) async throws -> RemoteObject {
        var collected = try PythonArguments(positional: arguments)
        try collected.append(keywords: kwargs)
        return try await makeObject(module, function, arguments: collected, key: key, timeout: timeout)
    }

    /// A handle to the result of `module.function(arguments)`: the same as ``makeObject(_:_:arguments:key:timeout:)``,
    /// chosen by the result's type (`let object: RemoteObject = try await pool.call(…)`).
    public func call(
        _ module: String, _ function: String, arguments: PythonArguments, key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> RemoteObject {
        try await makeObject(module, function, arguments: arguments, key: key, timeout: timeout)
    }

    /// A handle to the result of `module.function(arguments…)`, chosen by the result's type.
    public func call(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> RemoteObject {
        try await makeObject(
            module, function, arguments: try PythonArguments(positional: arguments), key: key, timeout: timeout)
    }

    /// Calls `module.function(arguments)` and answers the result as an opaque value: the worker's pickle, kept as
    /// bytes and never unpickled here, to pass back to a later call (`let r: OpaquePythonValue = try await
    /// pool.call("builtins", "range", 7, 42)`).
    /// - Throws: ``WorkerError`` as for a call; a result over 1 GiB pickled is `payload-too-large`.
    public func call(
        _ module: String, _ function: String, arguments: PythonArguments, key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> OpaquePythonValue {
        let frame = try await submitCall(module, function, arguments: arguments, key: key, timeout: timeout)
        return try opaque(frame, name: "\(module).\(function)", worker: frame.worker)
    }

    /// Calls `module.function(arguments…)` and answers the result as an opaque value.
    public func call(
        _ module: String, _ function: String, _ arguments: any ConvertibleToPython..., key: String? = nil,
        timeout: Duration? = nil
    ) async throws -> OpaquePythonValue {
        try await call(
            module, function, arguments: try PythonArguments(positional: arguments), key: key, timeout: timeout)
    }

    /// The `PythonCallExecutor` entry point generated classes' remote constructors use.
    public func makeObject(_ function: PythonCallableReference, with arguments: PythonArguments) async throws
        -> any RemotePythonObject
    {
        try await makeObject(function.module, function.path.joined(separator: "."), arguments: arguments)
    }
}
