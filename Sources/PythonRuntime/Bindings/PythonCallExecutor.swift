/// Something that runs Python calls elsewhere: a pool of worker processes, a cluster.
///
/// Generated modules use it for their `async` variants: `try await PyMath.on(pool).sqrt(2.0)` sends
/// `math.sqrt(2.0)` to `pool` and converts the answer with the same conversions as the local `PyMath.sqrt`, and
/// `try await PyDatetime.on(pool).Date(year: 1923, month: 4, day: 2)` makes a `datetime.date` that stays where it
/// was made, returning a typed handle to it. Calls travel by name (`module`, qualified name) and plain data, never
/// as pickled closures.
public protocol PythonCallExecutor: Sendable {
    /// Calls `function` with `arguments` remotely and converts the result.
    /// - Throws: the executor's own errors (a worker crash, a timeout, the remote Python exception) or
    ///   ``PythonError`` if the result does not convert to `Result`.
    func call<Result: ConvertibleFromPython>(_ function: PythonCallableReference, with arguments: PythonArguments)
        async throws -> Result

    /// Calls `function` with `arguments` remotely and keeps the result where it was made, answering a handle to
    /// it (a class's constructor makes an object this way). Handles among `arguments` send the call to where they
    /// live.
    /// - Throws: the executor's own errors (as for ``call(_:with:)``).
    func makeObject(_ function: PythonCallableReference, with arguments: PythonArguments) async throws
        -> any RemotePythonObject
}

/// A handle to a Python object that lives in another process (a pool worker, a cluster actor): its methods and
/// attributes are reached with `async` calls that run where the object lives. Passed as an argument of another
/// call of the same executor, it stands for the object itself (and sends that call to the object's process).
///
/// Generated classes wrap it in their typed `Remote` forms (`PyDatetime.Date.Remote`).
public protocol RemotePythonObject: ConvertibleToPython, Sendable {
    /// The object's qualified Python type name, e.g. `datetime.date`.
    var pythonTypeName: String { get }

    /// Calls the method `name` (looked up on the object, so a subclass's override runs) and converts the result.
    /// - Parameters:
    ///   - name: The method's name.
    ///   - arguments: The positional and keyword arguments.
    ///   - timeout: This call's deadline; the executor's default when `nil`.
    /// - Throws: the executor's errors, e.g. the object is lost with its worker, or Python raised.
    func call<Result: ConvertibleFromPython>(_ name: String, arguments: PythonArguments, timeout: Duration?)
        async throws -> Result

    /// Calls the method `name` and keeps its result where it was made, answering a handle to it.
    /// - Throws: the executor's errors.
    func callReturningObject(_ name: String, arguments: PythonArguments, timeout: Duration?) async throws -> Self

    /// Reads the attribute `name` and converts it.
    /// - Throws: the executor's errors.
    func attribute<Result: ConvertibleFromPython>(_ name: String, timeout: Duration?) async throws -> Result

    /// Reads the attribute `name` and keeps it where it is, answering a handle to it.
    /// - Throws: the executor's errors.
    func attributeObject(_ name: String, timeout: Duration?) async throws -> Self

    /// Sets the attribute `name` to `value` (which may be another handle of the same process).
    /// - Throws: the executor's errors.
    func setAttribute(_ name: String, to value: some ConvertibleToPython, timeout: Duration?) async throws

    /// Calls `function` where this object lives (its arguments name this object) and converts the result:
    /// operators and builtins on remote objects (`operator.sub(later, earlier)`, `len(object)`).
    /// - Throws: the executor's errors.
    func callWhereItLives<Result: ConvertibleFromPython>(
        _ function: PythonCallableReference, with arguments: PythonArguments
    ) async throws -> Result

    /// Calls `function` where this object lives and keeps the result there, answering a handle to it.
    /// - Throws: the executor's errors.
    func callWhereItLivesReturningObject(_ function: PythonCallableReference, with arguments: PythonArguments)
        async throws -> Self
}
