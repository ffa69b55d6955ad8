import CPython
import GILDepth
import Synchronization

/// The entry point to the embedded CPython interpreter.
///
/// The interpreter starts lazily on first use (or explicitly with ``start(_:)``), exactly once, from any
/// thread. Every API of this module holds the global interpreter lock (GIL) while it touches Python, so
/// values can be shared across tasks and threads freely.
public enum Python {
    /// Starts the interpreter with an explicit configuration.
    ///
    /// Call this before any other use of Python. Calling it again with the same configuration does nothing.
    /// - Parameter configuration: Search paths, virtual environment and executable to use.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/interpreterStartup`` if Python cannot start, or if
    ///   it already runs with a different configuration.
    public static func start(_ configuration: PythonConfiguration = PythonConfiguration()) throws(PythonError) {
        try Interpreter.start(configuration)
    }

    /// Whether the interpreter has been started.
    public static var isRunning: Bool { interpreterIsReady.load(ordering: .acquiring) }

    /// Runs `body` while this thread holds the GIL, taking it only if this thread does not already hold it.
    ///
    /// Use it to batch many calls under one acquisition; nesting is free.
    /// - Parameter body: The work to do with the GIL held.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    @inlinable
    public static func withGIL<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // Fast path: this thread is already inside `withGIL` (one thread-local load).
        if pybindgen_gil_depth_get() > 0 { return try body() }
        if !interpreterIsReady.load(ordering: .acquiring) {
            do {
                try Interpreter.startLazily()
            } catch {
                // A throwing caller gets the start-up error; only callers that cannot throw (a literal) stop here.
                guard let failure = error as? Failure else {
                    fatalError("swift-pybindgen: the embedded Python interpreter could not start: \(error)")
                }
                throw failure
            }
        }
        if pybindgen_thread_prepared_get() == 0 { ThreadStates.prepareCurrentThread() }
        // `PyGILState_Ensure` is re-entrant, so this is also right when Python called into Swift with the GIL held.
        let state = PyGILState_Ensure()
        pybindgen_gil_depth_enter()
        defer {
            pybindgen_gil_depth_leave()
            PyGILState_Release(state)
        }
        if DeferredReleases.count.load(ordering: .relaxed) > 0 { DeferredReleases.drain() }
        return try body()
    }

    /// Imports a module, like Python's `import name`.
    /// - Parameter name: A dotted module name such as `"math"` or `"os.path"`.
    /// - Returns: The module object.
    /// - Throws: ``PythonError`` carrying the `ModuleNotFoundError` (or whatever the import raised).
    public static func `import`(_ name: String) throws(PythonError) -> PythonObject {
        try withGIL { () throws(PythonError) -> PythonObject in
            let module = name.withCString { PyImport_ImportModule($0) }
            return try PythonObject(checkingNew: module)
        }
    }

    /// The `builtins` module (`int`, `len`, `range`, …).
    public static var builtins: PythonObject {
        get throws(PythonError) { try self.import("builtins") }
    }

    /// Evaluates a Python expression in a fresh namespace: `try Python.evaluate("2 ** 10")`.
    /// - Throws: ``PythonError`` if the expression does not compile or raises.
    public static func evaluate(_ expression: String) throws(PythonError) -> PythonObject {
        try withGIL { () throws(PythonError) -> PythonObject in
            let namespace = try PythonCode.namespace(running: "")
            let result = expression.withCString {
                PyRun_String($0, Py_eval_input, namespace.pointer, namespace.pointer)
            }
            return try PythonObject(checkingNew: result)
        }
    }

    /// Runs Python statements in a fresh namespace and returns that namespace (a `dict`), so the functions
    /// and classes they define can be used: `try Python.run("def f(x): return x * 2")["f"]`.
    /// - Throws: ``PythonError`` if the code does not compile or raises.
    public static func run(_ statements: String) throws(PythonError) -> PythonObject {
        try withGIL { () throws(PythonError) -> PythonObject in try PythonCode.namespace(running: statements) }
    }

    /// Python's `None`.
    public static var none: PythonObject {
        withGIL { PythonObject(borrowing: pyshim_None()) }
    }
}
