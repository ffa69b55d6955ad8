import Foundation
import Testing

/// `PyBindGenPlugin` in a real package built with `swift build`: every bad `pybindgen.json` fails the build with a
/// message naming the file and the problem, and leaves no generated files behind.
///
/// One scratch package is rewritten for each case and built with a shared build folder, so only the first case
/// compiles swift-pybindgen itself.
@Suite("Build plugin: bad configurations fail the build clearly", .serialized)
struct BuildPluginTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scratchPackage = FileManager.default.temporaryDirectory.appendingPathComponent(
        "swift-pybindgen-plugin-cases")
    static var sources: URL { scratchPackage.appendingPathComponent("Sources/Demo") }
    static var generated: URL {
        scratchPackage.appendingPathComponent(
            ".build/plugins/outputs/swift-pybindgen-plugin-cases/Demo/destination/PyBindGenPlugin/Generated")
    }

    /// Writes the package with `files` (paths relative to Sources/Demo) and builds it.
    static func build(_ files: [String: String]) throws -> (status: Int32, output: String) {
        let manager = FileManager.default
        try? manager.removeItem(at: sources)
        try? manager.removeItem(at: generated)
        try manager.createDirectory(at: sources, withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "PluginCase",
                platforms: [.macOS(.v15)],
                dependencies: [.package(name: "swift-pybindgen", path: "\(packageRoot.path)")],
                targets: [
                    .executableTarget(
                        name: "Demo",
                        dependencies: [.product(name: "PythonRuntime", package: "swift-pybindgen")],
                        plugins: [.plugin(name: "PyBindGenPlugin", package: "swift-pybindgen")]
                    )
                ]
            )
            """
        try manifest.write(
            to: scratchPackage.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        var allFiles = files
        allFiles["main.swift"] = allFiles["main.swift"] ?? "import PythonRuntime\nprint(\"ok\")\n"
        for (path, text) in allFiles {
            let url = sources.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try rebuild()
    }

    /// Builds the package as it is on disk.
    static func rebuild() throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--package-path", scratchPackage.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The build failed, said `expected` (each part), and generated nothing.
    static func expectFailure(_ result: (status: Int32, output: String), saying expected: [String]) {
        #expect(result.status != 0, "the build should fail:\n\(result.output)")
        for part in expected {
            #expect(result.output.contains(part), "missing '\(part)' in:\n\(result.output)")
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: generated.path)) ?? []
        #expect(leftovers.isEmpty, "generated files were left behind: \(leftovers)")
    }

    var configPath: String { Self.sources.appendingPathComponent("pybindgen.json").path }

    @Test func missingConfiguration() throws {
        Self.expectFailure(try Self.build([:]), saying: ["target 'Demo'", "has no pybindgen.json"])
    }

    @Test func twoConfigurations() throws {
        let result = try Self.build([
            "pybindgen.json": #"{"modules": ["math"]}"#, "More/pybindgen.json": #"{"modules": ["json"]}"#,
        ])
        Self.expectFailure(result, saying: ["has 2 pybindgen.json files", "More/pybindgen.json", "keep exactly one"])
    }

    @Test func malformedJSON() throws {
        let result = try Self.build(["pybindgen.json": #"{"modules": ["math""#])
        Self.expectFailure(result, saying: [configPath, "malformed JSON"])
    }

    @Test func unknownKeysAndAnEmptyModuleListAreReportedTogether() throws {
        let result = try Self.build(["pybindgen.json": #"{"modules": [], "modulez": ["math"]}"#])
        Self.expectFailure(
            result, saying: [configPath, "2 problems", "unknown key 'modulez'", "'modules' is empty"])
    }

    @Test func emptyModuleList() throws {
        let result = try Self.build(["pybindgen.json": #"{"modules": []}"#])
        Self.expectFailure(result, saying: [configPath, "'modules' is empty"])
    }

    @Test func unknownPythonModule() throws {
        let result = try Self.build(["pybindgen.json": #"{"modules": ["math", "no_such_module_xyz"]}"#])
        Self.expectFailure(
            result, saying: [configPath, "cannot import Python module 'no_such_module_xyz'", "ModuleNotFoundError"])
    }

    @Test func moduleWhoseImportRaises() throws {
        let result = try Self.build([
            "pybindgen.json": #"{"modules": ["explodes"], "searchPaths": ["python"]}"#,
            "python/explodes.py": "raise ValueError('explodes on import')\n",
        ])
        Self.expectFailure(result, saying: [configPath, "ValueError", "explodes on import"])
    }

    @Test func aGoodConfigurationBuildsAndRuns() throws {
        let result = try Self.build([
            "pybindgen.json": #"{"modules": ["textwrap"], "include": ["dedent"]}"#,
            "main.swift": "import PythonRuntime\nprint(try PyTextwrap.dedent(text: \"  typed\"))\n",
        ])
        #expect(result.status == 0, "\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.generated.path)
        #expect(files == ["PyTextwrap.swift"])
    }

    @Test func editingABoundPythonFileRegenerates() throws {
        let first = try Self.build([
            "pybindgen.json": #"{"modules": ["shapes"], "searchPaths": ["python"]}"#,
            "python/shapes.py": "def area(width: float, height: float) -> float:\n    return width * height\n",
            "main.swift": "import PythonRuntime\nprint(try PyShapes.area(width: 2, height: 3))\n",
        ])
        #expect(first.status == 0, "\(first.output)")
        try
            "def area(width: float, height: float) -> float:\n    return width * height\n\n\ndef perimeter(width: float, height: float) -> float:\n    return 2 * (width + height)\n"
            .write(to: Self.sources.appendingPathComponent("python/shapes.py"), atomically: true, encoding: .utf8)
        let second = try Self.rebuild()
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("pybindgen: generating shapes"), "\(second.output)")
        let text = try String(contentsOf: Self.generated.appendingPathComponent("PyShapes.swift"), encoding: .utf8)
        #expect(text.contains("public static func perimeter(width: Swift.Double, height: Swift.Double)"))
        // Nothing changed since: the next build runs neither pybindgen nor the compiler.
        let third = try Self.rebuild()
        #expect(third.status == 0, "\(third.output)")
        #expect(!third.output.contains("pybindgen: generating"), "\(third.output)")
        // (SwiftPM may recompile plugin scripts themselves; no target of the package is compiled or linked.)
        let work = third.output.split(separator: "\n").filter {
            ($0.contains("Compiling") && !$0.contains("Compiling plugin")) || $0.contains("Linking")
        }
        #expect(work.isEmpty, "\(third.output)")
    }
}
