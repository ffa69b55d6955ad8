import ArgumentParser
import Foundation
import PyBindGenCore
import PyBindGenIntrospection
import PythonRuntime

/// `pybindgen [generate] math datetime …`.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate one typed Swift module per Python module.",
        discussion: """
            Imports each module in the embedded Python interpreter, reads what exists at run time (names, \
            signatures, default values) and the types from typeshed stubs (read with mypy, which pybindgen \
            installs once into a private virtual environment in ~/.cache/swift-pybindgen), and writes \
            <output>/Py<Module>/Py<Module>.swift. Names that cannot be typed fall back to PythonObject; \
            the summary lists them. Nothing is written unless every module succeeds.

            Examples:
              swift run pybindgen math datetime
              swift run pybindgen os.path --output Sources/Bindings
              swift run pybindgen statistics --include mean --include median
              swift run pybindgen builtins operator math datetime --output Generated --check
              swift run pybindgen --config pybindgen.json

            A pybindgen.json file lists the modules and options, e.g. {"modules": ["statistics"], \
            "exclude": ["NormalDist"], "stubs": true, "searchPaths": ["python"], "output": "Generated"}. \
            The PyBindGenPlugin build plugin and the `swift package pybindgen` command read the same file. \
            Its "requirements" (PEP 508, e.g. ["requests==2.34.2", "types-requests"]) are installed by pip into an \
            environment in the cache, pinned by pybindgen.lock next to the file; the bindings record it, so the \
            program finds the packages at run time without VIRTUAL_ENV.
            """
    )

    @Argument(help: "Python modules to generate, e.g. math datetime os.path.")
    var modules: [String] = []

    @Option(name: .shortAndLong, help: "Folder that receives one Py<Module>/ folder per module (default: Generated).")
    var output: String?

    @Option(help: "Read the modules and options from this pybindgen.json file.")
    var config: String?

    @Flag(help: .hidden)
    var flat = false

    @Option(help: "Generate only this name (repeatable).")
    var include: [String] = []

    @Option(help: "Leave out this name (repeatable).")
    var exclude: [String] = []

    @Flag(help: "Do not write; exit non-zero if the files on disk differ from what would be generated.")
    var check = false

    @Option(
        name: .customLong("dump-description"), help: "Also write each module's description (JSON) into this folder.")
    var dumpDescription: String?

    @Flag(name: .customLong("no-stubs"), help: "Use runtime signatures only (no typeshed stubs, no provisioning).")
    var noStubs = false

    @Option(name: .customLong("search-path"), help: "Put this folder at the front of sys.path (repeatable).")
    var searchPaths: [String] = []

    @Flag(help: "Resolve the configuration's requirements again, ignoring and rewriting pybindgen.lock.")
    var upgrade = false

    @Option(help: .hidden)
    var regenerateCommand: String?

    func validate() throws {
        if config != nil, !modules.isEmpty {
            throw ValidationError("give the modules either as arguments or in --config, not both")
        }
        if config == nil, modules.isEmpty {
            throw ValidationError("give at least one Python module, for example: pybindgen math")
        }
    }

    func run() throws {
        var configuration = BindingConfiguration(modules: modules)
        if let config {
            do {
                configuration = try BindingConfiguration.load(path: config)
            } catch let error as GeneratorError {
                throw GenerationFailure(message: error.message)
            }
        }
        let output = output ?? configuration.output ?? "Generated"
        let environment = try ProvisionedEnvironment.forConfiguration(configuration, upgrade: upgrade)
        try Python.start(
            PythonConfiguration(
                searchPaths: configuration.searchPaths + searchPaths,
                virtualEnvironment: environment?.path ?? ProcessInfo.processInfo.environment["VIRTUAL_ENV"]))
        let defaultCommand =
            config == nil
            ? "swift run pybindgen \(modules.joined(separator: " ")) --output \(output)"
            : "swift package --allow-writing-to-package-directory pybindgen"
        var options = GeneratorOptions(
            modules: configuration.modules, outputDirectory: output,
            regenerateCommand: regenerateCommand ?? defaultCommand)
        options.include = configuration.include + include
        options.exclude = configuration.exclude + exclude
        options.check = check
        options.useStubs = configuration.useStubs && !noStubs
        options.descriptionDirectory = dumpDescription
        options.flatLayout = flat
        options.environmentName = environment?.name
        let generator = Generator { message in FileHandle.standardError.write(Data((message + "\n").utf8)) }
        do {
            let summaries = try generator.run(options)
            for summary in summaries { print(summary) }
            if check { print("pybindgen: \(summaries.count) module(s) up to date") }
        } catch let error as GeneratorError {
            throw GenerationFailure(message: config.map { "\($0): \(error.message)" } ?? error.message)
        }
    }
}

/// A failure reported as `Error: <message>` with exit status 1 (no usage text: the command line was fine).
struct GenerationFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
