import CPython
import FoundationEssentials
import Synchronization

/// Set once the interpreter is fully configured and its GIL released; read on every entry point.
@usableFromInline
let interpreterIsReady = Atomic<Bool>(false)

/// Where start-up stands: not yet tried, running with a configuration, or failed (for good: a failed start is
/// never retried, since CPython cannot be initialised twice, and every later use reports the same error).
private enum StartState {
    case notStarted
    case running(PythonConfiguration)
    case failed(PythonError)
}

/// Serialises start-up.
private let startState = Mutex<StartState>(.notStarted)

/// Starts the embedded interpreter exactly once.
@usableFromInline
enum Interpreter {
    /// Starts the interpreter with `configuration` unless it already runs.
    ///
    /// Starting again with the configuration already in use is a no-op; a different one is an error; after a
    /// failed start, every start throws that start's error again.
    static func start(_ configuration: PythonConfiguration) throws(PythonError) {
        let result: Result<Void, PythonError> = startState.withLock { state in
            switch state {
            case .running(let current):
                if current == configuration { return .success(()) }
                return .failure(
                    PythonError(
                        code: .interpreterStartup,
                        message: "the interpreter is already running with a different configuration"))
            case .failed(let error):
                return .failure(error)
            case .notStarted:
                do throws(PythonError) {
                    try initialize(configuration)
                } catch {
                    state = .failed(error)
                    return .failure(error)
                }
                state = .running(configuration)
                interpreterIsReady.store(true, ordering: .releasing)
                return .success(())
            }
        }
        try result.get()
    }

    /// The configuration the interpreter runs with, or `nil` before it started.
    static var configuration: PythonConfiguration? {
        startState.withLock { state in
            if case .running(let current) = state { return current }
            return nil
        }
    }

    /// Starts with the default configuration if nothing started the interpreter yet.
    /// - Throws: the start-up error (the same one every time, once a start failed).
    @usableFromInline
    static func startLazily() throws(PythonError) {
        let configuration: PythonConfiguration? = startState.withLock { state in
            if case .running(let current) = state { return current }
            return nil
        }
        try start(configuration ?? PythonConfiguration())
    }

    private static func initialize(_ configuration: PythonConfiguration) throws(PythonError) {
        let config = UnsafeMutablePointer<PyConfig>.allocate(capacity: 1)
        defer { config.deallocate() }
        PyConfig_InitPythonConfig(config)
        defer { PyConfig_Clear(config) }
        config.pointee.install_signal_handlers = configuration.installsSignalHandlers ? 1 : 0
        // Python ignores SIGPIPE at start-up when it installs its handlers; without them, the runtime does, so
        // that a write to a closed pipe or socket is BrokenPipeError, never the end of the host.
        if configuration.ignoresBrokenPipes { pyshim_IgnoreBrokenPipes() }
        config.pointee.parse_argv = 0
        if let executable = configuration.executable ?? InstallationLocator.embeddedExecutable() {
            let status = PyConfig_SetBytesString(config, &config.pointee.program_name, executable)
            try check(status)
        }
        try check(Py_InitializeFromConfig(config))
        do throws(PythonError) {
            try configurePaths(configuration)
        } catch {
            _ = PyEval_SaveThread()
            throw error
        }
        // Release the GIL taken by initialisation so that any thread can take it.
        _ = PyEval_SaveThread()
    }

    private static func check(_ status: PyStatus) throws(PythonError) {
        guard PyStatus_Exception(status) != 0 else { return }
        let message = status.err_msg.map { String(cString: $0) } ?? "unknown error"
        let function = status.func.map { String(cString: $0) }
        throw PythonError(
            code: .interpreterStartup,
            message: function.map { "\($0): \(message)" } ?? message)
    }

    /// Adds the virtual environment and the extra search paths to `sys.path`. Runs with the GIL held.
    private static func configurePaths(_ configuration: PythonConfiguration) throws(PythonError) {
        var prepend: [String] = configuration.searchPaths
        var venvSitePackages: String?
        if let venv = configuration.virtualEnvironment {
            venvSitePackages = try VirtualEnvironment.sitePackages(of: venv)
        }
        let script = """
            import site, sys
            def _pybindgen_configure(prepend, venv_root, venv_site):
                before = list(sys.path)
                if venv_site is not None:
                    site.addsitedir(venv_site)
                    sys.prefix = sys.exec_prefix = venv_root
                added = [p for p in sys.path if p not in before]
                sys.path[:] = list(prepend) + added + [p for p in before if p not in prepend]
            """
        prepend = prepend.filter { !$0.isEmpty }
        let configure = try PythonCode.definition("_pybindgen_configure", in: script)
        // `callHoldingGIL`, not `call`: the interpreter is not marked ready yet, and `call` would wait for it.
        pyshim_DecRef(try configure.callHoldingGIL(prepend, configuration.virtualEnvironment, venvSitePackages))
    }
}
