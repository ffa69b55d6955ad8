import Foundation
import PackagePlugin

/// Generates typed Swift wrappers for the Python modules listed in the target's `pybindgen.json`, into the
/// plugin work directory, on every build where the file, a `.py`/`.pyi` file under its `searchPaths`, or
/// pybindgen itself changed.
@main
struct PyBindGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else {
            throw PluginFailure("PyBindGenPlugin applies to source targets only; '\(target.name)' is not one")
        }
        let configurations = target.sourceFiles.map(\.url).filter {
            $0.lastPathComponent == ConfigurationRules.fileName
        }
        guard let configuration = configurations.first else {
            let message =
                "target '\(target.name)' uses PyBindGenPlugin but has no \(ConfigurationRules.fileName) among its "
                + "files; add one to the target's folder, such as {\"modules\": [\"statistics\"]}"
            Diagnostics.error(message)
            return []  // an error diagnostic stops the build before compiling
        }
        guard configurations.count == 1 else {
            let paths = configurations.map(\.path).sorted().joined(separator: ", ")
            let message =
                "target '\(target.name)' has \(configurations.count) \(ConfigurationRules.fileName) files (\(paths)); "
                + "keep exactly one"
            Diagnostics.error(message)
            return []
        }
        let contents: ConfigurationRules.Contents
        switch ConfigurationRules.load(path: configuration.path) {
        case .success(let valid): contents = valid
        case .failure(let problems):
            Diagnostics.error(problems.description, file: configuration.path)
            return []
        }
        let modules = contents.modules
        let outputDirectory = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let outputs = modules.map { outputDirectory.appending(path: ConfigurationRules.swiftModuleName($0) + ".swift") }
        // An edited lock file (the requirements' pins) regenerates too.
        let lockFile = configuration.deletingLastPathComponent().appending(path: ConfigurationRules.lockFileName)
        let lockInputs = FileManager.default.fileExists(atPath: lockFile.path) ? [lockFile] : []
        let relativeConfiguration =
            configuration.path.hasPrefix(context.package.directoryURL.path)
            ? String(configuration.path.dropFirst(context.package.directoryURL.path.count)).trimmingPrefix("/")
            : Substring(configuration.lastPathComponent)
        return [
            .buildCommand(
                displayName: "pybindgen: generating \(modules.joined(separator: ", ")) for \(target.name)",
                executable: try context.tool(named: "pybindgen").url,
                arguments: [
                    "--config", configuration.path, "--output", outputDirectory.path, "--flat",
                    "--regenerate-command", "swift build (PyBindGenPlugin reads \(relativeConfiguration))",
                ],
                inputFiles: [configuration] + lockInputs
                    + ConfigurationRules.pythonSources(searchPaths: contents.searchPaths),
                outputFiles: outputs
            )
        ]
    }
}

/// A plugin error whose text is shown by the build.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
