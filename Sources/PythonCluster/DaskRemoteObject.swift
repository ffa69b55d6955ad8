import PythonRuntime
import PythonWorkers
import Synchronization

/// A handle to a Python object that lives on one Dask worker, as a Dask actor: the same handle API as
/// `PythonWorkers/RemoteObject` (methods, attributes, objects made from objects), with the cluster's deadlines,
/// cancellation and restricted decoding.
///
/// ```swift
/// let date = try await cluster.makeObject("datetime", "date", 1923, 4, 2)
/// let text: String = try await date.call("strftime", "%Y")
/// ```
///
/// Dask keeps the actor while any copy of the handle exists; when the last goes (or ``release()`` is called) its
/// future is released and Dask deletes it. If its worker dies, the object is gone: every later use is
/// `WorkerError/Code/objectLost`.
public struct DaskRemoteObject: RemotePythonObject, CustomStringConvertible {
    let lifetime: DaskObjectLifetime

    /// The address of the Dask worker that holds the object.
    public var workerAddress: String { lifetime.address }

    /// The object's qualified Python type name, e.g. `datetime.date`.
    public var pythonTypeName: String { lifetime.typeName }

    public var description: String { "<\(lifetime.typeName) actor on \(lifetime.address)>" }

    /// Lets Dask delete the actor now; later uses fail with `WorkerError/Code/objectReleased`.
    public func release() {
        lifetime.release()
    }

    /// Stands for the object in a call's arguments (the call then runs on the object's worker). The caller holds
    /// the GIL.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try lifetime.reference.pythonReference()
    }

    /// Calls the method `name(arguments)` where the object lives and converts the result.
    /// - Throws: `WorkerError` (the Python exception, `object-lost`, `object-released`, a timeout…) or
    ///   `PythonError` if the result does not convert.
    public func call<Result: ConvertibleFromPython>(
        _ name: String, arguments: PythonArguments, timeout: Duration? = nil
    ) async throws -> Result {
        let answer = try await invoke(0, name, arguments, keep: false, timeout: timeout)
        return try Python.withGIL { () throws -> Result in try lifetime.cluster.decode(answer, name: describe(name)) }
    }

    /// Calls the method `name(arguments…)` and converts the result.
    public func call<Result: ConvertibleFromPython>(
        _ name: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil
    ) async throws -> Result {
        try await call(name, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Calls the method `name(arguments…)` for its effect.
    public func call(_ name: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil) async throws {
        let _: PythonNoneResult = try await call(
            name, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Calls the method `name(arguments)` and keeps the result on the same worker, as another actor.
    public func callReturningObject(_ name: String, arguments: PythonArguments, timeout: Duration? = nil)
        async throws -> DaskRemoteObject
    {
        let answer = try await invoke(0, name, arguments, keep: true, timeout: timeout)
        return try lifetime.cluster.remoteObject(answer, name: describe(name))
    }

    /// Calls the method `name(arguments…)` and keeps the result on the same worker.
    public func callReturningObject(_ name: String, _ arguments: any ConvertibleToPython..., timeout: Duration? = nil)
        async throws -> DaskRemoteObject
    {
        try await callReturningObject(name, arguments: try PythonArguments(positional: arguments), timeout: timeout)
    }

    /// Reads the attribute `name` and converts it.
    public func attribute<Result: ConvertibleFromPython>(_ name: String, timeout: Duration? = nil) async throws
        -> Result
    {
        let answer = try await invoke(1, name, PythonArguments(), keep: false, timeout: timeout)
        return try Python.withGIL { () throws -> Result in try lifetime.cluster.decode(answer, name: describe(name)) }
    }

    /// Reads the attribute `name` and keeps it on the same worker, as another actor.
    public func attributeObject(_ name: String, timeout: Duration? = nil) async throws -> DaskRemoteObject {
        let answer = try await invoke(1, name, PythonArguments(), keep: true, timeout: timeout)
        return try lifetime.cluster.remoteObject(answer, name: describe(name))
    }

    /// Sets the attribute `name` to `value`.
    public func setAttribute(_ name: String, to value: some ConvertibleToPython, timeout: Duration? = nil)
        async throws
    {
        var arguments = PythonArguments()
        try arguments.append(value)
        let answer = try await invoke(2, name, arguments, keep: false, timeout: timeout)
        try Python.withGIL { () throws in
            let _: PythonNoneResult = try lifetime.cluster.decode(answer, name: describe(name))
        }
    }

    /// `repr(object)`, computed where the object lives.
    public func repr() async throws -> String {
        try await call("__repr__")
    }

    /// `len(object)`, computed where the object lives.
    public func length() async throws -> Int {
        try await call("__len__")
    }

    // MARK: - Calls where the object lives

    public func callWhereItLives<Result: ConvertibleFromPython>(
        _ function: PythonCallableReference, with arguments: PythonArguments
    ) async throws -> Result {
        let name = "\(function.module).\(function.path.joined(separator: "."))"
        let answer = try await lifetime.cluster.callAnswer(
            function.module, function.path.joined(separator: "."), arguments: arguments, timeout: nil,
            on: lifetime.address)
        return try Python.withGIL { () throws -> Result in try lifetime.cluster.decode(answer, name: name) }
    }

    public func callWhereItLivesReturningObject(_ function: PythonCallableReference, with arguments: PythonArguments)
        async throws -> DaskRemoteObject
    {
        try await lifetime.cluster.makeObject(
            function.module, function.path.joined(separator: "."), arguments: arguments)
    }

    // MARK: - Plumbing

    private func describe(_ member: String) -> String { "\(pythonTypeName).\(member) (actor on \(workerAddress))" }

    private func invoke(
        _ operation: Int, _ name: String, _ arguments: PythonArguments, keep: Bool, timeout: Duration?
    ) async throws -> PythonObject {
        let description = describe(name)
        guard !lifetime.isReleased else {
            throw WorkerError(.objectReleased, "\(description): the handle was released; the object no longer exists")
        }
        let cluster = lifetime.cluster
        let (address, packed) = try cluster.placedArguments(arguments, call: description)
        if let address, address != lifetime.address {
            throw WorkerError(
                .objectsOnDifferentWorkers,
                "\(description) names an object of \(address) beside this one of \(lifetime.address): objects of "
                    + "different workers cannot meet in one call")
        }
        let request = try Python.withGIL { () throws -> PythonObject in
            try PythonObject(
                tuple: cluster.clientObject, lifetime.actor, lifetime.address, operation, name, packed.positional,
                packed.keywords, keep)
        }
        return try await cluster.onObject(description, "invoke_actor", request, timeout: timeout)
    }
}

/// The Python side of one actor handle, shared by its Swift copies: the actor's future (which keeps it alive in
/// Dask) and the bound proxy.
final class DaskObjectLifetime: Sendable {
    let cluster: DaskCluster
    let future: PythonObject
    let actor: PythonObject
    let reference: PythonObject
    let address: String
    let typeName: String
    private let released = Atomic(false)

    init(cluster: DaskCluster, future: PythonObject, actor: PythonObject, address: String, typeName: String) throws {
        self.cluster = cluster
        self.future = future
        self.actor = actor
        self.address = address
        self.typeName = typeName
        reference = try DaskSupport.function("ActorReference").call(try future.attribute("key"), address)
    }

    deinit {
        release()
    }

    var isReleased: Bool { released.load(ordering: .acquiring) }

    func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = try? Python.withGIL { () throws in
            let _: PythonObject = try DaskSupport.function("release_actor").call(future)
        }
    }
}
