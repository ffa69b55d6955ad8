import Foundation
import PyBindGenCore
import PythonRuntime

/// Runs the `pybindgen_introspect` package inside the embedded interpreter and decodes what it reports.
public struct Introspector {
    /// The package's `Run`: the state of this run (typing sources), nothing global.
    private let run: PythonObject
    /// Whether stubs are read (false when `--no-stubs` was given or mypy could not be provisioned).
    public let usesStubs: Bool

    /// Loads the introspection package, and the typing environment when `useStubs` is set.
    /// - Throws: ``GeneratorError`` if the package cannot be loaded.
    public init(useStubs: Bool, log: (String) -> Void) throws {
        guard let url = Bundle.module.url(forResource: "pybindgen_introspect", withExtension: nil) else {
            throw GeneratorError(
                .introspectionFailed, "pybindgen_introspect is missing from the pybindgen resources")
        }
        var stubs = false
        var reason = "stubs disabled"
        if useStubs {
            reason = "mypy could not be provisioned (see the messages above)"
            let versions = try Python.versions()
            if let sitePackages = TypingEnvironment.sitePackages(
                pythonExecutable: versions.executable, pythonVersion: versions.python, log: log)
            {
                let sys = try Python.import("sys")
                let path = try [String](sys.path)
                if !path.contains(sitePackages) { _ = try sys.path.append(sitePackages) }
                stubs = true
            }
        }
        let package = try Self.loadPackage(at: url.path)
        run = try package.attribute("Run").call(stubs, reason)
        usesStubs = stubs
    }

    /// An introspector over a given `Run` object (a test's stand-in for the package's).
    init(run: PythonObject, usesStubs: Bool) {
        self.run = run
        self.usesStubs = usesStubs
    }

    /// Imports the package from its folder without adding the folder to `sys.path` (which would make it one
    /// of the user's source folders), once per process.
    private static func loadPackage(at folder: String) throws -> PythonObject {
        let loader = try Python.run(
            """
            import importlib.util, os, sys, threading

            def load(folder):
                name = "pybindgen_introspect"
                # One load per process, even when several threads start introspectors at once.
                with sys.__dict__.setdefault("_pybindgen_introspect_lock", threading.Lock()):
                    if name in sys.modules:
                        return sys.modules[name]
                    spec = importlib.util.spec_from_file_location(
                        name, os.path.join(folder, "__init__.py"), submodule_search_locations=[folder])
                    package = importlib.util.module_from_spec(spec)
                    sys.modules[name] = package
                    try:
                        spec.loader.exec_module(package)
                    except BaseException:
                        del sys.modules[name]
                        raise
                    return package
            """)
        do {
            return try loader["load"].call(folder)
        } catch {
            throw GeneratorError(.introspectionFailed, "cannot load pybindgen's introspection package: \(error)")
        }
    }

    /// Reads the types of all modules of a run at once (one mypy build; a module mypy cannot read falls back
    /// to its runtime annotations alone). Returns where each module's types come from.
    public func prepare(modules: [String], include: [String], exclude: [String]) throws -> String {
        let sources: String = try run.attribute("prepare").call(modules, include, exclude)
        return sources
    }

    /// Describes one module. Its description depends only on the module, not on the other modules of the run.
    /// - Throws: ``GeneratorError`` with code `import-failed` if importing the module raises or exits, and
    ///   `introspection-failed` (with the Python traceback) if describing it fails inside pybindgen.
    public func describe(module: String, include: [String], exclude: [String]) throws -> ModuleDescription {
        let json: String
        do {
            json = try run.attribute("describe").call(module, include, exclude)
        } catch {
            if error.typeName == "pybindgen_introspect.run.ModuleImportError" {
                throw GeneratorError(.importFailed, "cannot import Python module '\(module)': \(error.message)")
            }
            if error.typeName == "pybindgen_introspect.run.IntrospectionBug" {
                throw GeneratorError(
                    .introspectionFailed, "pybindgen could not describe '\(module)' (a pybindgen bug): \(error.message)"
                )
            }
            throw GeneratorError(.introspectionFailed, "pybindgen could not describe '\(module)': \(error)")
        }
        return try ModuleDescription.decode(json: json, module: module)
    }

    /// The installed distributions (name → version) that provide `module`, which must have been described:
    /// none for the standard library and the user's own modules.
    public func distributions(of module: String) throws -> [String: String] {
        do {
            return try run.attribute("distributions").call(module)
        } catch {
            throw GeneratorError(.introspectionFailed, "cannot read the distributions of '\(module)': \(error)")
        }
    }
}
