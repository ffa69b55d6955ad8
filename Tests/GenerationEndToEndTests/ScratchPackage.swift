import Foundation

/// A Swift package written into a temporary folder that depends on this package by path, generated into with the
/// `pybindgen` built next to the test binary, and built with `swift build` as a user's package would be.
struct ScratchPackage {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `pybindgen` built next to this test binary.
    static var tool: String {
        URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
            .deletingLastPathComponent().appendingPathComponent("pybindgen").path
    }

    let root: URL
    var sources: URL { root.appendingPathComponent("Sources/Demo") }

    /// An empty package named `name` with one executable target, `Demo`, that depends on `PythonRuntime`.
    init(name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swift-pybindgen-\(name)")
        try? FileManager.default.removeItem(at: sources)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "\(name)",
                platforms: [.macOS(.v15)],
                dependencies: [.package(name: "swift-pybindgen", path: "\(Self.packageRoot.path)")],
                targets: [
                    .executableTarget(
                        name: "Demo", dependencies: [.product(name: "PythonRuntime", package: "swift-pybindgen")])
                ],
                swiftLanguageModes: [.v6]
            )
            """
        try manifest.write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    }

    /// Runs `pybindgen` with `arguments`, writing into the target; returns the summary it prints.
    func generate(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try Self.run(Self.tool, arguments + ["--flat", "--output", sources.path], environment: environment)
    }

    /// Writes `main.swift`, builds, runs the program and returns what it printed.
    func buildAndRun(main: String, environment: [String: String] = [:]) throws -> String {
        try main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        try Self.run("/usr/bin/env", ["swift", "build", "--package-path", root.path])
        return try Self.run(root.appendingPathComponent(".build/debug/Demo").path, [], environment: environment)
    }

    /// Writes `main.swift` and builds, expecting the build to fail; returns the compiler's output (throws if
    /// the build succeeds). The negative compile tests: a call Python's types refuse must not compile.
    func buildFailure(main: String) throws -> String {
        try main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let succeeded: String
        do {
            succeeded = try Self.run("/usr/bin/env", ["swift", "build", "--package-path", root.path])
        } catch let failure as Failure {
            return failure.description
        }
        throw Failure("the build succeeded, but should have failed:\n\(succeeded.suffix(2000))")
    }

    /// Runs a program; returns its standard output, failing with all its output if it exits non-zero.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws
        -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let errors = Pipe()
        process.standardOutput = handle
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(
                "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)\n"
                    + text.suffix(4000) + "\n" + errorText.suffix(4000))
        }
        return text
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
