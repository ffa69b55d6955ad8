import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory pybindgen [--config FILE] [--check]`: regenerates the
/// committed typed modules of this package from its `pybindgen.json`, with the same `pybindgen` tool the CLI is.
@main
struct PyBindGenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let configurationPath =
            extractor.extractOption(named: "config").last
            ?? context.package.directoryURL.appending(path: "pybindgen.json").path
        let passThrough = extractor.remainingArguments
        guard FileManager.default.fileExists(atPath: configurationPath) else {
            throw CommandFailure(
                "\(configurationPath): no such file; create it, e.g. {\"modules\": [\"math\"], \"output\": \"Generated\"}"
            )
        }
        // The same rules as the library and the build plugin: a bad file fails here, with every problem listed.
        if case .failure(let problems) = ConfigurationRules.load(path: configurationPath) {
            throw CommandFailure(problems.description)
        }
        let process = Process()
        process.executableURL = try context.tool(named: "pybindgen").url
        process.arguments = ["--config", configurationPath] + passThrough
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CommandFailure("pybindgen failed (exit status \(process.terminationStatus)); see the messages above")
        }
    }
}

/// A command failure whose text is shown to the user.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
