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
        (#"{"modules": ["math"], "stubs": 1, "output": ""}"#, ["'stubs' must be true, false or", "'output' must be"]),
        (
            #"{"modules": ["requests"], "requirements": ["requests>>2", "--index-url=http://x", "", "ok[a,", "n==", "requests==2.34.2", "Requests==2.31"]}"#,
            [
                "'requests>>2': '>>2' has no valid version", "'--index-url=http://x' is a pip option",
                "requirement '' is empty", "opens an extras list", "requirement 'n==': '==' has no valid version",
                "'requests' is required twice ('requests==2.34.2' and 'Requests==2.31')",
            ]
        ),
        (
            #"{"modules": ["six"], "requirements": "six", "index": "pypi", "findLinks": [1]}"#,
            ["'requirements' must be a list", "'index' must be the URL", "'findLinks' must be a list"]
        ),
        (#"{"modules": ["six"], "stubs": "auto"}"#, ["apply to 'requirements', which are not given"]),
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

    @Test func requirementsAreValidPEP508Specifiers() throws {
        let good = [
            "requests", "numpy>=2", "numpy >= 2, <3", "httpx[http2,brotli]==0.28.1", "six; python_version < \"4\"",
            "pkg @ https://example.org/pkg-1.0-py3-none-any.whl", "zope.interface~=6.0", "Django==5.*", "a_b-c.d===1",
            "name (>=1.0)",
        ]
        for requirement in good {
            #expect(throws: Never.self, "\(requirement)") { try RequirementRules.parse(requirement).get() }
        }
        #expect(try RequirementRules.parse("Charset_Normalizer.x>=3").get().normalizedName == "charset-normalizer-x")
        let bad = ["requests>=", ">=2", "a b", "numpy>=2.*", "pkg @ nowhere", "six;", "-r other.txt", "x[a b]"]
        for requirement in bad {
            #expect(throws: RequirementRules.Malformed.self, "\(requirement)") {
                try RequirementRules.parse(requirement).get()
            }
        }
    }

    @Test func requirementsAndIndexOptionsReachTheConfiguration() throws {
        let json = #"""
            {"modules": ["requests"], "requirements": [" requests==2.34.2 ", "types-requests"],
             "index": "https://mirror.example/simple", "findLinks": ["wheels", "https://example.org/links"],
             "stubs": "auto"}
            """#
        let path = "/project/Sources/App/pybindgen.json"
        let configuration = try BindingConfiguration.parse(Data(json.utf8), path: path)
        #expect(configuration.requirements == ["requests==2.34.2", "types-requests"])
        #expect(configuration.index == "https://mirror.example/simple")
        #expect(configuration.findLinks == ["/project/Sources/App/wheels", "https://example.org/links"])
        #expect(configuration.addsStubPackages && configuration.useStubs)
        #expect(BindingConfiguration.distributionName(ofRequirement: "Types_Requests>=2") == "types-requests")
    }

    @Test func theLockNamesItsEnvironmentByWhatWasAskedForAndPinsWithHashes() throws {
        let request = EnvironmentLock.Request(
            python: "3.11", platform: "linux-x86_64", requirements: ["requests==2.34.2", "types-requests"])
        var other = request
        other.requirements = ["requests==2.34.1", "types-requests"]
        #expect(request.environmentName.hasPrefix("python3.11-"))
        #expect(request.environmentName.count == "python3.11-".count + 16)
        #expect(
            request.environmentName
                == EnvironmentLock.Request(
                    python: "3.11", platform: "linux-x86_64", requirements: ["requests==2.34.2", "types-requests"]
                ).environmentName)
        #expect(request.environmentName != other.environmentName)
        var otherIndex = request
        otherIndex.index = "https://mirror.example/simple"
        #expect(request.environmentName != otherIndex.environmentName)
        let lock = EnvironmentLock(
            request: request,
            packages: [
                .init(name: "urllib3", version: "2.8.0", hashes: ["sha256:0cf3"]),
                .init(name: "certifi", version: "2026.10.19.post1", hashes: ["sha256:1324"]),
            ])
        #expect(lock.packages.map(\.name) == ["certifi", "urllib3"])
        #expect(
            lock.pinnedRequirements == [
                "certifi==2026.10.19.post1 --hash=sha256:1324", "urllib3==2.8.0 --hash=sha256:0cf3",
            ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pybindgen.lock").path
        try lock.text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try EnvironmentLock.read(path: file) == lock)
        #expect(try EnvironmentLock.read(path: folder.appendingPathComponent("none").path) == nil)
        try "{\"format\": 1}".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = #expect(throws: GeneratorError.self) { try EnvironmentLock.read(path: file) }
        #expect(broken?.code == .invalidLockFile)
        #expect(broken?.message.contains("not a pybindgen lock file") == true)
        #expect(broken?.message.contains("--upgrade") == true)
        var newer = lock
        newer.format = 99
        try newer.text.write(toFile: file, atomically: true, encoding: .utf8)
        let future = #expect(throws: GeneratorError.self) { try EnvironmentLock.read(path: file) }
        #expect(future?.message.contains("lock format 99 is newer") == true)
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
