import FoundationEssentials

/// How the embedded interpreter is started.
///
/// Pass a configuration to ``Python/start(_:)`` before the first use of Python; without an explicit
/// start, the first use starts the interpreter with the default configuration, `PythonConfiguration()`.
public struct PythonConfiguration: Sendable, Equatable {
    /// Extra entries put at the front of `sys.path`, in this order.
    public var searchPaths: [String]

    /// A virtual environment whose `site-packages` become importable (ahead of the system ones).
    ///
    /// Defaults to the `VIRTUAL_ENV` environment variable. The environment must have been created from
    /// the same Python major.minor version as the embedded library; otherwise start-up fails with
    /// ``PythonError/Code/interpreterStartup``.
    public var virtualEnvironment: String?

    /// The executable Python reports as `sys.executable` and that locates the standard library.
    ///
    /// Defaults to the `python3.X` next to the embedded `libpython` (for example `/usr/bin/python3.11`),
    /// never the first `python3` on `PATH`, which may be a different installation.
    public var executable: String?

    /// Whether Python installs its own signal handlers (SIGINT → `KeyboardInterrupt`). Off by default so the
    /// host keeps control of its signals.
    public var installsSignalHandlers: Bool

    /// Whether `SIGPIPE` is ignored when the interpreter starts, as Python itself does, so that writing to a closed
    /// pipe or socket raises `BrokenPipeError` instead of ending the process. On by default; turn it off only if
    /// the host manages `SIGPIPE` itself.
    public var ignoresBrokenPipes: Bool

    /// What the first use of a generated module does when an installed distribution is not the version the
    /// bindings were generated from (see ``PythonBindingOrigin``).
    public enum VersionMismatchPolicy: Sendable, Equatable {
        /// Throw ``PythonError/Code/environmentMismatch`` (the default).
        case fail
        /// Write a warning to standard error and go on.
        case warn
    }

    /// What happens when generated bindings meet other versions of their packages; ``VersionMismatchPolicy/fail``
    /// by default.
    public var versionMismatch: VersionMismatchPolicy

    /// Creates a configuration.
    /// - Parameters:
    ///   - searchPaths: Extra `sys.path` entries, searched first.
    ///   - virtualEnvironment: A virtual environment to use; defaults to `$VIRTUAL_ENV`.
    ///   - executable: Overrides the interpreter executable; defaults to the one of the embedded library.
    ///   - installsSignalHandlers: Whether Python installs its signal handlers.
    ///   - ignoresBrokenPipes: Whether `SIGPIPE` is ignored (a broken pipe is then `BrokenPipeError`).
    ///   - versionMismatch: Whether bindings meeting other package versions fail or warn.
    public init(
        searchPaths: [String] = [],
        virtualEnvironment: String? = ProcessInfo.processInfo.environment["VIRTUAL_ENV"],
        executable: String? = nil,
        installsSignalHandlers: Bool = false,
        ignoresBrokenPipes: Bool = true,
        versionMismatch: VersionMismatchPolicy = .fail
    ) {
        self.versionMismatch = versionMismatch
        self.searchPaths = searchPaths
        self.virtualEnvironment = virtualEnvironment.flatMap { $0.isEmpty ? nil : $0 }
        self.executable = executable
        self.installsSignalHandlers = installsSignalHandlers
        self.ignoresBrokenPipes = ignoresBrokenPipes
    }
}
