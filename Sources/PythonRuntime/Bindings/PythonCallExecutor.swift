/// Something that runs Python calls elsewhere: a pool of worker processes, a cluster.
///
/// Generated modules use it for their `async` variants: `try await PyMath.on(pool).sqrt(2.0)` sends
/// `math.sqrt(2.0)` to `pool` and converts the answer with the same conversions as the local `PyMath.sqrt`.
/// Calls travel by name (`module`, qualified name) and plain data, never as pickled closures.
public protocol PythonCallExecutor: Sendable {
    /// Calls `function` with `arguments` remotely and converts the result.
    /// - Throws: the executor's own errors (a worker crash, a timeout, the remote Python exception) or
    ///   ``PythonError`` if the result does not convert to `Result`.
    func call<Result: ConvertibleFromPython>(_ function: PythonCallableReference, with arguments: PythonArguments)
        async throws -> Result
}
