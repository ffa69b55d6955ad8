import Foundation
import Testing

@testable import PyBindGenCore

/// One implementation of the `pybindgen.json` rules: the file the plugins compile is the file the library
/// compiles, and the library's `BindingConfiguration` reports exactly what the rules report.
@Suite("Configuration rules shared by the library and both plugins")
struct ConfigurationRulesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func bothPluginsCompileTheLibrarysRulesFile() throws {
        let library = Self.packageRoot.appendingPathComponent(
            "Sources/PyBindGenCore/Configuration/ConfigurationRules.swift"
        ).resolvingSymlinksInPath()
        for plugin in ["PyBindGenPlugin", "PyBindGenCommand"] {
            let linked = Self.packageRoot.appendingPathComponent("Plugins/\(plugin)/Shared/ConfigurationRules.swift")
                .resolvingSymlinksInPath()
            #expect(linked.path == library.path, "\(plugin) compiles \(linked.path), not \(library.path)")
        }
        // And the plugins keep no rules of their own.
        for plugin in ["PyBindGenPlugin", "PyBindGenCommand"] {
            let files = try FileManager.default.contentsOfDirectory(
                atPath: Self.packageRoot.appendingPathComponent("Plugins/\(plugin)").path)
            #expect(Set(files) == ["\(plugin).swift", "Shared"])
        }
    }

    static let badFiles: [(json: String, messages: [String])] = [
        (#"{"modulez": ["math"], "modules": []}"#, ["unknown key 'modulez'", "'modules' is empty"]),
        (#"{"modules": ["1abc", "math", "math"]}"#, ["'1abc' is not a Python module name", "'math' is listed twice"]),
        (#"{"modules": ["math"], "stubs": 1, "output": ""}"#, ["'stubs' must be true or false", "'output' must be"]),
        (#"{"modules": "math"}"#, ["'modules' must be a list of strings"]),
        (#"{}"#, ["missing key 'modules'"]),
        (#"["math"]"#, ["the top level must be a JSON object"]),
        (#"{"modules": ["#, ["malformed JSON"]),
    ]

    @Test func theLibraryReportsWhatTheRulesReport() throws {
        for (json, messages) in Self.badFiles {
            let path = "/project/Sources/App/pybindgen.json"
            guard case .failure(let problems) = ConfigurationRules.parse(Data(json.utf8), path: path) else {
                Issue.record("\(json) was accepted")
                continue
            }
            for message in messages {
                #expect(problems.messages.contains { $0.contains(message) }, "\(json): \(problems.messages)")
            }
            #expect(problems.messages.count == messages.count, "\(json): \(problems.messages)")
            do {
                _ = try BindingConfiguration.parse(Data(json.utf8), path: path)
                Issue.record("BindingConfiguration accepted \(json)")
            } catch let error as GeneratorError {
                #expect(error.code == .invalidConfiguration)
                #expect(error.message == problems.description)
                #expect(error.message.hasPrefix(path))
            }
        }
    }

    @Test func aGoodFileMeansTheSameEverywhere() throws {
        let json =
            #"{"modules": ["os.path", "statistics"], "searchPaths": ["python", "/abs"], "stubs": false, "output": "Gen"}"#
        let path = "/project/Sources/App/pybindgen.json"
        let contents = try ConfigurationRules.parse(Data(json.utf8), path: path).get()
        let configuration = try BindingConfiguration.parse(Data(json.utf8), path: path)
        #expect(contents.modules == configuration.modules)
        #expect(contents.searchPaths == ["/project/Sources/App/python", "/abs"])
        #expect(configuration.searchPaths == contents.searchPaths)
        #expect(configuration.useStubs == false && contents.useStubs == false)
        #expect(configuration.output == "/project/Sources/App/Gen")
        // The build plugin names its output files with the same rule the renderer names the modules.
        for module in ["os.path", "statistics", "my_pkg.sub_module", "_private", "a.b.c"] {
            #expect(ConfigurationRules.swiftModuleName(module) == Naming.moduleName(module))
        }
        #expect(ConfigurationRules.swiftModuleName("os.path") == "PyOsPath")
    }

    @Test func pythonSourcesUnderSearchPathsAreTheBuildInputs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in ["python/a.py", "python/pkg/b.pyi", "python/pkg/notes.txt", "python/__pycache__/a.cpython-311.py"] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x = 1\n".write(to: url, atomically: true, encoding: .utf8)
        }
        let sources = ConfigurationRules.pythonSources(searchPaths: [root.appendingPathComponent("python").path])
        #expect(sources.map(\.lastPathComponent) == ["a.py", "b.pyi"])
        #expect(ConfigurationRules.pythonSources(searchPaths: [root.appendingPathComponent("missing").path]).isEmpty)
    }
}
