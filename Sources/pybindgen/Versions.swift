import ArgumentParser
import Foundation
import PythonRuntime

/// `pybindgen versions`: what the embedded interpreter is, and where it finds modules.
struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the versions of Python, the runtime and the generator, as JSON.",
        discussion: """
            Also prints the interpreter's sys.prefix and sys.path, and, for each --import, the file the module \
            was loaded from: a quick check of which environment (for example $VIRTUAL_ENV) is in use.
            """
    )

    @Option(name: .customLong("search-path"), help: "Put this folder at the front of sys.path. Repeatable.")
    var searchPaths: [String] = []

    @Option(name: .customLong("import"), help: "Import this module and report its file. Repeatable.")
    var modules: [String] = []

    func run() throws {
        try Python.start(PythonConfiguration(searchPaths: searchPaths))
        let versions = try Python.versions()
        let sys = try Python.import("sys")
        var imported: [String: String] = [:]
        for name in modules {
            let module = try Python.import(name)
            imported[name] = module.hasAttribute("__file__") ? try String(module.__file__) : "<built-in>"
        }
        let report = Report(
            python: versions.python, runtime: versions.runtime, platform: versions.platform,
            executable: versions.executable, prefix: try String(sys.prefix), path: try [String](sys.path),
            imported: imported)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// The JSON printed by the command.
    struct Report: Codable {
        var python: String
        var runtime: String
        var platform: String
        var executable: String
        var prefix: String
        var path: [String]
        var imported: [String: String]
    }
}
