import ArgumentParser
import Foundation
import PyBindGenCore
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
            """
    )

    @Argument(help: "Python modules to generate, e.g. math datetime os.path.")
    var modules: [String] = []

    @Option(name: .shortAndLong, help: "Folder that receives one Py<Module>/ folder per module.")
    var output: String = "Generated"

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

    @Option(help: .hidden)
    var regenerateCommand: String?

    func validate() throws {
        if modules.isEmpty { throw ValidationError("give at least one Python module, for example: pybindgen math") }
    }

    func run() throws {
        try Python.start(PythonConfiguration(searchPaths: searchPaths))
        var options = GeneratorOptions(
            modules: modules, outputDirectory: output,
            regenerateCommand: regenerateCommand
                ?? "swift run pybindgen \(modules.joined(separator: " ")) --output \(output)")
        options.include = include
        options.exclude = exclude
        options.check = check
        options.useStubs = !noStubs
        options.descriptionDirectory = dumpDescription
        let generator = Generator { message in FileHandle.standardError.write(Data((message + "\n").utf8)) }
        do {
            let summaries = try generator.run(options)
            for summary in summaries { print(summary) }
            if check { print("pybindgen: \(summaries.count) module(s) up to date") }
        } catch let error as GeneratorError {
            throw ValidationError("\(error.message)")
        }
    }
}
