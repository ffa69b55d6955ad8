import PythonRuntime

/// A handle to a Python object that lives in one worker of a ``WorkerPool`` (the seed's objects on Python
/// servers): it is made there, its methods run there, its attributes are read there, and it never travels to
/// the host (which never unpickles it).
///
/// ```swift
/// let dict = try await pool.makeObject("collections", "UserDict", kwargs: ["a": 1, "b": 2])
/// try await dict.call("update", ["c": 3])
/// let data: [String: Int] = try await dict.attribute("data")
/// let copy = try await dict.callReturningObject("copy")       // another object on the same worker
/// let count: Int = try await pool.call("builtins", "len", copy)  // runs where `copy` lives
/// ```
///
/// The object stays in its worker's object table while any copy of the handle exists; when the last copy goes
/// (or ``release()`` is called) the worker drops it. Every call that names a handle runs on the handle's worker;
/// handles of two workers in one call are ``WorkerError/Code/objectsOnDifferentWorkers``. If the worker's
/// process ends (a crash, a timeout that killed it, a restart, removal), its objects end with it: every later
/// use is ``WorkerError/Code/objectLost`` — an object is never re-created elsewhere.
public struct RemoteObject: RemotePythonObject, CustomStringConvertible {
    let lifetime: RemoteObjectLifetime

    init(_ lifetime: RemoteObjectLifetime) {
        self.lifetime = lifetime
    }

    /// The worker that holds the object.
    public var worker: WorkerID { lifetime.worker }

    /// The object's qualified Python type name, e.g. `datetime.date` or `collections.UserDict`.
    public var pythonTypeName: String { lifetime.typeName }

    /// The object's id in its worker's table (unique within the worker's process).
    public var objectID: UInt64 { lifetime.objectID }

    public var description: String { "<\(lifetime.name)>" }

    /// Drops the object from its worker now, without waiting for the last copy of the handle to go. Later uses
    /// of any copy fail with ``WorkerError/Code/objectReleased``. Calling it again does nothing.
    public func release() {
        lifetime.release()
    }

    /// Stands for the object in a call's arguments (the call then runs on the object's worker). The caller holds
    /// the GIL.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try RemoteReferences.reference(to: lifetime).pythonReference()
    }

    // MARK: - Methods

    /// Calls the method `name(arguments)` on the object, where it lives, and converts the result.
    /// - Parameters:
    ///   - name: The method's name (looked up on the object, so a subclass's override runs).
    ///   - arguments: The positional and keyword arguments.
    ///   - timeout: This call's deadline; ``WorkerPoolConfiguration/callTimeout`` when `nil`.
    /// - Throws: ``WorkerError`` (the Python exception, `object-lost`, `object-released`, a timeout…) or
    ///   `PythonError` if the result does not convert to `Result`.
    public func call<Result: ConvertibleFromPython>(
        _ name: String, arguments: PythonArguments, timeout: Duration? = nil
    ) async throws -> Result {
        let frame = try await request(.call, name, arguments: arguments, keepsResult: false, timeout: timeout)
        return try lifetime.pool.decode(frame, name: describe(name), worker: worker)
    }

    /// Calls the method `name(arguments…)` on the object and converts the result:
    /// `let text: String = try await date.call("strftime", "%Y")`.
    public func call<Result: ConvertibleFromPython>(
        _ name: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> Result {
        try await call(name, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Calls the method `name(arguments)` for its effect (its result is dropped in the worker).
    public func call(_ name: String, arguments: PythonArguments, timeout: Duration? = nil) async throws {
        let _: PythonNoneResult = try await call(name, arguments: arguments, timeout: timeout)
    }

    /// Calls the method `name(arguments…)` for its effect: `try await dict.call("clear")`.
    public func call(_ name: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil) async throws {
        try await call(name, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Calls the method `name(arguments)` and keeps its result on the same worker, answering a handle to it.
    public func callReturningObject(_ name: String, arguments: PythonArguments, timeout: Duration? = nil)
        async throws -> RemoteObject
    {
        let frame = try await request(.call, name, arguments: arguments, keepsResult: true, timeout: timeout)
        return try lifetime.pool.handle(frame, name: describe(name))
    }

    /// Calls the method `name(arguments…)` and keeps its result on the same worker:
    /// `let copy = try await dict.callReturningObject("copy")`.
    public func callReturningObject(_ name: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil)
        async throws -> RemoteObject
    {
        try await callReturningObject(name, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Calls the method `name(arguments)` and answers its result as an opaque value (the pickle, not decoded).
    public func callReturningOpaque(_ name: String, arguments: PythonArguments, timeout: Duration? = nil)
        async throws -> OpaquePythonValue
    {
        let frame = try await request(.call, name, arguments: arguments, keepsResult: false, timeout: timeout)
        return try lifetime.pool.opaque(frame, name: describe(name), worker: worker)
    }

    // MARK: - Attributes

    /// Reads the attribute `name` (a dotted path is followed) and converts it: `let year: Int = try await
    /// date.attribute("year")`.
    public func attribute<Result: ConvertibleFromPython>(_ name: String, timeout: Duration? = nil) async throws
        -> Result
    {
        let frame = try await request(
            .getAttribute, name, arguments: PythonArguments(), keepsResult: false, timeout: timeout)
        return try lifetime.pool.decode(frame, name: describe(name), worker: worker)
    }

    /// Reads the attribute `name` and keeps it on the same worker, answering a handle to it.
    public func attributeObject(_ name: String, timeout: Duration? = nil) async throws -> RemoteObject {
        let frame = try await request(
            .getAttribute, name, arguments: PythonArguments(), keepsResult: true, timeout: timeout)
        return try lifetime.pool.handle(frame, name: describe(name))
    }

    /// Sets the attribute `name` to `value` (a handle of the same worker stands for its object).
    public func setAttribute(_ name: String, to value: some ConvertibleToPython, timeout: Duration? = nil)
        async throws
    {
        var arguments = PythonArguments()
        try arguments.append(value)
        let frame = try await request(.setAttribute, name, arguments: arguments, keepsResult: false, timeout: timeout)
        let _: PythonNoneResult = try lifetime.pool.decode(frame, name: describe(name), worker: worker)
    }

    // MARK: - Builtins

    /// `repr(object)`, computed where the object lives.
    public func repr() async throws -> String {
        try await callWhereItLives(PythonCallableReference(module: "builtins", "repr"), with: arguments(self))
    }

    /// `str(object)`, computed where the object lives.
    public func str() async throws -> String {
        try await callWhereItLives(PythonCallableReference(module: "builtins", "str"), with: arguments(self))
    }

    /// `len(object)`, computed where the object lives.
    public func length() async throws -> Int {
        try await callWhereItLives(PythonCallableReference(module: "builtins", "len"), with: arguments(self))
    }

    private func arguments(_ values: any ConvertibleToPython...) throws(PythonError) -> PythonArguments {
        try PythonArguments(positional: values)
    }

    // MARK: - Calls where the object lives

    public func callWhereItLives<Result: ConvertibleFromPython>(
        _ function: PythonCallableReference, with arguments: PythonArguments
    ) async throws -> Result {
        try await lifetime.pool.call(function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    public func callWhereItLivesReturningObject(_ function: PythonCallableReference, with arguments: PythonArguments)
        async throws -> RemoteObject
    {
        try await lifetime.pool.makeObject(function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    // MARK: - Plumbing

    private func describe(_ member: String) -> String {
        "\(pythonTypeName).\(member) (object \(objectID) on \(worker))"
    }

    /// Sends one object request for this object and waits for its answer.
    private func request(
        _ operation: PickleCodec.ObjectOperation, _ name: String, arguments: PythonArguments, keepsResult: Bool,
        timeout: Duration?
    ) async throws -> ResponseFrame {
        let description = describe(name)
        guard !lifetime.isReleased else {
            throw WorkerError(
                .objectReleased, "\(description): the handle was released; the object no longer exists",
                worker: worker)
        }
        let encoded = try PickleCodec.encodeObjectRequest(
            target: .object(objectID), operation: operation, name: name, arguments: arguments,
            keepsResult: keepsResult, description: description)
        _ = try ObjectPlacement.of(encoded.handles + [lifetime], in: lifetime.pool, call: description)
        // The handles it names stay alive (unreleased) until it is answered.
        defer { withExtendedLifetime(encoded) {} }
        return try await lifetime.pool.core.submit(
            kind: .object, payload: encoded.payload, name: description, target: worker,
            generation: lifetime.generation, timeout: timeout)
    }
}
