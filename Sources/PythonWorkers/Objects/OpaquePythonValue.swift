import PythonRuntime

/// A Python value kept as the pickle a worker made of it (ErlPort's "opaque" term): the host holds the bytes and
/// never unpickles them, so any value (a `range`, a user class the host does not trust) can be carried from one
/// call to the next. Passed as an argument, it becomes the value again in the worker that runs the call.
///
/// ```swift
/// let numbers: OpaquePythonValue = try await pool.call("builtins", "range", 7, 42)
/// let count: Int = try await pool.call("builtins", "len", numbers)  // 35
/// ```
///
/// Unlike a ``RemoteObject`` it is a copy, not a reference: it belongs to no worker and survives any of them.
public struct OpaquePythonValue: Sendable, Hashable, ConvertibleToPython, CustomStringConvertible {
    /// The pickle, exactly as the worker made it.
    public let pickle: [UInt8]

    /// Wraps pickle bytes made by a worker (or by ``init(pickling:)``). Bytes that are not a pickle fail, in the
    /// worker that receives them, with ``WorkerError/Code/invalidOpaqueValue``.
    public init(pickle: [UInt8]) {
        self.pickle = pickle
    }

    /// Pickles a value of this process, to send as an opaque value.
    /// - Throws: `PythonError` if the value cannot be pickled.
    public init(pickling value: some ConvertibleToPython) throws(PythonError) {
        let object = try PythonObject(value)
        pickle = try PythonCallableReference(module: "pickle", "dumps").call(object, 5)
    }

    /// Becomes the unpickled value in the worker that runs the call. The caller holds the GIL.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try RemoteReferences.opaque(pickle).pythonReference()
    }

    public var description: String { "opaque Python value (\(pickle.count) pickled bytes)" }
}
