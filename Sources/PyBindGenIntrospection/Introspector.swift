import Foundation
import PyBindGenCore
import PythonRuntime

/// Runs `introspect.py` inside the embedded interpreter and decodes what it reports.
public struct Introspector {
    private let describeFunction: PythonObject
    private let planRun: PythonObject
    /// Whether stubs are read (false when `--no-stubs` was given or mypy could not be provisioned).
    public let usesStubs: Bool
    /// Why stubs are not read, when they are not.
    private let noStubsReason: String

    /// Loads the introspection script, and the typing environment when `useStubs` is set.
    /// - Throws: ``GeneratorError`` if the script cannot be loaded.
    public init(useStubs: Bool, log: (String) -> Void) throws {
        guard let url = Bundle.module.url(forResource: "introspect", withExtension: "py"),
            let source = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw GeneratorError(.introspectionFailed, "introspect.py is missing from the pybindgen resources")
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
        let namespace = try Python.run(source)
        describeFunction = try namespace["describe"]
        planRun = try namespace["plan"]
        usesStubs = stubs
        noStubsReason = reason
    }

    /// Reads the types of all modules of a run at once (one mypy build; a module mypy cannot read falls back
    /// to its runtime annotations alone) and registers the classes each module generates, so that references
    /// between the modules of the run are typed. Returns where each module's types come from.
    public func prepare(modules: [String], include: [String], exclude: [String]) throws -> String {
        let sources: String = try planRun.call(modules, include, exclude, usesStubs, noStubsReason)
        return sources
    }

    /// Describes one module.
    /// - Throws: ``GeneratorError`` with code `import-failed` if importing the module raises or exits.
    public func describe(module: String, include: [String], exclude: [String]) throws -> ModuleDescription {
        let json: String
        do {
            json = try describeFunction.call(module, include, exclude, usesStubs)
        } catch {
            let detail = error.typeName == "RuntimeError" ? error.message : error.description
            throw GeneratorError(.importFailed, "cannot import Python module '\(module)': \(detail)")
        }
        do {
            return try JSONDecoder().decode(ModuleDescription.self, from: Data(json.utf8))
        } catch {
            throw GeneratorError(.introspectionFailed, "cannot read the description of '\(module)': \(error)")
        }
    }
}
