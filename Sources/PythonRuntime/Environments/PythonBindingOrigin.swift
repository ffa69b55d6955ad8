import CPython
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a generated module was generated against, recorded by pybindgen in the file (`PyRequests._origin`) and
/// checked once per process at the module's first use.
///
/// - **Environment.** Bindings of a `pybindgen.json` with `requirements` name the package environment pybindgen
///   provisioned. At first use the runtime puts that environment's `site-packages` on `sys.path` — unless the
///   interpreter was started with a virtual environment (``PythonConfiguration/virtualEnvironment``, which
///   defaults to `$VIRTUAL_ENV`): an explicit environment always wins. A recorded environment that no longer exists
///   is an ``PythonError/Code/environmentMissing`` error naming it and how to make it again.
/// - **Versions.** The distributions providing the module must be installed in the versions the bindings were
///   generated from (`importlib.metadata`); otherwise the first use fails with
///   ``PythonError/Code/environmentMismatch`` — or only warns on standard error, when the interpreter was started
///   with ``PythonConfiguration/versionMismatch`` set to ``PythonConfiguration/VersionMismatchPolicy/warn``.
public struct PythonBindingOrigin: Sendable {
    /// The Python module the bindings are for.
    public let module: String
    /// The package environment's name under ``PythonEnvironments/cacheDirectory(environment:)``, if any.
    public let environment: String?
    /// Distribution name → the version the bindings were generated from.
    public let distributions: [String: String]

    /// Records an origin (generated code writes these).
    public init(module: String, environment: String?, distributions: [String: String]) {
        self.module = module
        self.environment = environment
        self.distributions = distributions
    }

    /// Activates the recorded environment and checks the versions, once per process (later calls return the
    /// first outcome). Generated references call this before their first lookup; call it yourself to activate the
    /// environment early, for example before starting a worker pool that should use it.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/environmentMissing`` or
    ///   ``PythonError/Code/environmentMismatch``.
    public func check() throws(PythonError) {
        try Python.withGIL { () throws(PythonError) in try checkHoldingGIL() }
    }

    /// ``check()`` for a caller that holds the GIL.
    func checkHoldingGIL() throws(PythonError) {
        if let outcome = Self.outcomes.withLock({ $0[module] }) { return try outcome.get() }
        let outcome: Result<Void, PythonError>
        do throws(PythonError) {
            try activateEnvironment()
            try checkVersions()
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        Self.outcomes.withLock { $0[module] = outcome }
        try outcome.get()
    }

    private static let outcomes = Mutex<[String: Result<Void, PythonError>]>([:])

    private func activateEnvironment() throws(PythonError) {
        guard let environment else { return }
        let configuration = Interpreter.configuration ?? PythonConfiguration()
        if configuration.virtualEnvironment != nil { return }  // an explicit environment wins
        let root = PythonEnvironments.path(named: environment)
        let requirement = distributions.sorted { $0.key < $1.key }.map { "\($0.key)==\($0.value)" }
        guard FileManager.default.fileExists(atPath: root + "/pyvenv.cfg") else {
            throw PythonError(
                code: .environmentMissing,
                message: "the bindings of '\(module)' were generated against the Python environment \(root) "
                    + "(from pybindgen.json's requirements), which does not exist on this machine: provision it again "
                    + "with 'swift run pybindgen environment --config <that pybindgen.json>' (it installs what "
                    + "pybindgen.lock pins), or set VIRTUAL_ENV to an environment with "
                    + (requirement.isEmpty ? "the same packages" : requirement.joined(separator: " ")))
        }
        if PythonEnvironments.activatedPaths.withLock({ $0.contains(root) }) { return }
        let sitePackages = try VirtualEnvironment.sitePackages(of: root)
        let script = """
            import importlib, site, sys
            def _pybindgen_activate(site_dir, keep_first):
                if site_dir in sys.path:
                    return
                before = list(sys.path)
                site.addsitedir(site_dir)
                added = [p for p in sys.path if p not in before]
                sys.path[:] = before[:keep_first] + added + before[keep_first:]
                importlib.invalidate_caches()
            """
        let activate = try PythonCode.definition("_pybindgen_activate", in: script)
        pyshim_DecRef(try activate.callHoldingGIL(sitePackages, configuration.searchPaths.count))
        PythonEnvironments.activatedPaths.withLock { $0.append(root) }
    }

    private func checkVersions() throws(PythonError) {
        guard !distributions.isEmpty else { return }
        let script = """
            def _pybindgen_versions(names):
                import importlib.metadata as metadata
                found = []
                for name in names:
                    try:
                        found.append(metadata.version(name))
                    except metadata.PackageNotFoundError:
                        found.append(None)
                return found
            """
        let names = distributions.keys.sorted()
        let lookup = try PythonCode.definition("_pybindgen_versions", in: script)
        let result = try lookup.callHoldingGIL(names)
        defer { pyshim_DecRef(result) }
        let found = try [String?](pythonReference: result)
        var problems: [String] = []
        for (name, installed) in zip(names, found) where installed != distributions[name] {
            let expected = distributions[name] ?? ""
            problems.append(
                installed.map { "\(name) \($0) is installed, but the bindings were generated from \(name) \(expected)" }
                    ?? "\(name) is not installed, but the bindings were generated from \(name) \(expected)")
        }
        guard !problems.isEmpty else { return }
        let message =
            "the bindings of '\(module)' do not match this Python: " + problems.joined(separator: "; ")
            + ". Regenerate the bindings (swift build, or swift run pybindgen) against the installed packages, or "
            + "install " + names.map { "\($0)==\(distributions[$0] ?? "")" }.joined(separator: " ")
        if (Interpreter.configuration ?? PythonConfiguration()).versionMismatch == .warn {
            let line = Array(("warning: " + message + "\n").utf8)
            _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            return
        }
        throw PythonError(code: .environmentMismatch, message: message)
    }
}
