import Foundation
import Testing

/// The `pybindgen` executable, run as a user would: clear errors, non-zero exits, no partial files.
@Suite("pybindgen command line")
struct CommandLineTests {
    /// The `pybindgen` built next to this test binary (`swift test` builds every product of the package).
    static var tool: String {
        let products = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        ).deletingLastPathComponent()
        return products.appendingPathComponent("pybindgen").path
    }

    /// Starts `executable` with its output going to `<prefix>.out` and `<prefix>.err` (files, so that several can
    /// run at once and be waited for in any order); `nil` in `environment` removes a variable.
    static func start(
        _ arguments: [String], executable: String = tool, environment: [String: String?] = [:], outputPrefix: URL
    ) throws -> LoggedProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let logged = LoggedProcess(
            process: process, output: outputPrefix.appendingPathExtension("out"),
            error: outputPrefix.appendingPathExtension("err"))
        _ = FileManager.default.createFile(atPath: logged.output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: logged.error.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: logged.output)
        process.standardError = try FileHandle(forWritingTo: logged.error)
        try process.run()
        return logged
    }

    /// A process started by ``start(_:executable:environment:outputPrefix:)``.
    struct LoggedProcess {
        var process: Process
        var output: URL
        var error: URL

        /// Waits for the end; returns the exit status and what it printed.
        func finish() throws -> (status: Int32, output: String, error: String) {
            process.waitUntilExit()
            return (
                process.terminationStatus, try String(contentsOf: output, encoding: .utf8),
                try String(contentsOf: error, encoding: .utf8)
            )
        }
    }

    /// Runs `pybindgen` with `arguments` and extra `environment` variables; returns its exit status and output.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, output: String, error: String
    ) {
        try run(tool, arguments, environment: environment)
    }

    /// Runs `executable` with `arguments` and extra `environment` variables; returns its exit status and output.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pybindgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func generatesWithSummaryAndChecks() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let result = try Self.run([
            "textwrap", "os.path", "--output", output, "--exclude", "dedent", "--dump-description",
            folder.appendingPathComponent("json").path,
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("textwrap → PyTextwrap:"))
        #expect(result.output.contains("os.path → PyOsPath:"))
        let text = try String(contentsOfFile: output + "/PyTextwrap/PyTextwrap.swift", encoding: .utf8)
        #expect(text.contains("public static func fill("))
        #expect(!text.contains("func dedent("))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("json/textwrap.json").path))
        let check = try Self.run(["textwrap", "os.path", "--output", output, "--exclude", "dedent", "--check"])
        #expect(check.status == 0, "\(check.error)")
        try "// edited\n".write(toFile: output + "/PyTextwrap/PyTextwrap.swift", atomically: true, encoding: .utf8)
        let stale = try Self.run(["textwrap", "os.path", "--output", output, "--exclude", "dedent", "--check"])
        #expect(stale.status != 0)
        #expect(stale.error.contains("out of date"))
    }

    @Test(arguments: ["../x", "1abc", "a..b"])
    func invalidModuleNames(name: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run([name, "--output", folder.path])
        #expect(result.status != 0)
        #expect(result.error.contains("is not a Python module name"))
        #expect(Self.files(in: folder).isEmpty)
    }

    @Test func emptyModuleList() throws {
        let result = try Self.run(["generate"])
        #expect(result.status != 0)
        #expect(result.error.contains("give at least one Python module"))
    }

    @Test func unknownModuleWritesNothing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["math", "no_such_module_qq", "--output", folder.path])
        #expect(result.status != 0)
        #expect(result.error.contains("cannot import Python module 'no_such_module_qq'"))
        #expect(Self.files(in: folder).isEmpty, "partial files: \(Self.files(in: folder))")
    }

    @Test func modulesWhoseImportRaisesOrExits() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "raise ValueError('broken on import')\n".write(
            to: folder.appendingPathComponent("raises_on_import.py"), atomically: true, encoding: .utf8)
        try "import sys\nsys.exit(3)\n".write(
            to: folder.appendingPathComponent("exits_on_import.py"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let raising = try Self.run(["raises_on_import", "--search-path", folder.path, "--output", output.path])
        #expect(raising.status != 0)
        #expect(raising.error.contains("ValueError: broken on import"))
        let exiting = try Self.run(["exits_on_import", "--search-path", folder.path, "--output", output.path])
        #expect(exiting.status != 0)
        #expect(exiting.error.contains("called sys.exit(3)"))
        #expect(Self.files(in: output).isEmpty)
    }

    @Test func unwritableOutputFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let result = try Self.run(["math", "--output", blocker.appendingPathComponent("sub").path])
        #expect(result.status != 0)
        #expect(result.error.contains("cannot create the output folder"))
    }

    @Test func namesThatAreNotSwiftIdentifiersAreSkippedWithAReason() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        import sys
        globals()['not-an-identifier'] = lambda: 1
        __all__ = ['not-an-identifier', 'fine', 'drifted']
        def fine(x: int, y: str = 'a') -> int: return x
        def drifted(): return 1
        """.write(to: folder.appendingPathComponent("odd_names.py"), atomically: true, encoding: .utf8)
        let result = try Self.run([
            "odd_names", "--search-path", folder.path, "--output", folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("skipped not-an-identifier: not a Swift identifier"))
        #expect(result.output.contains("[annotations of odd_names.py through mypy"), "the user's code is typed")
        let text = try String(
            contentsOfFile: folder.appendingPathComponent("out/PyOddNames/PyOddNames.swift").path, encoding: .utf8)
        #expect(
            text.contains(
                "public static func fine(x: Swift.Int, y: Swift.String? = nil) throws(PythonRuntime.PythonError) -> Swift.Int {"
            ))
        #expect(text.contains("Python's default is `'a'`"))
    }
}
