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
        let configurations = target.sourceFiles.map(\.url).filter { $0.lastPathComponent == ConfigurationFile.name }
        guard let configuration = configurations.first else {
            let message =
                "target '\(target.name)' uses PyBindGenPlugin but has no \(ConfigurationFile.name) among its "
                + "files; add one to the target's folder, such as {\"modules\": [\"statistics\"]}"
            Diagnostics.error(message)
            return []  // an error diagnostic stops the build before compiling
        }
        guard configurations.count == 1 else {
            let paths = configurations.map(\.path).sorted().joined(separator: ", ")
            let message =
                "target '\(target.name)' has \(configurations.count) \(ConfigurationFile.name) files (\(paths)); "
                + "keep exactly one"
            Diagnostics.error(message)
            return []
        }
        let modules: [String]
        do {
            modules = try ConfigurationFile.modules(in: configuration)
        } catch let failure as PluginFailure {
            Diagnostics.error(failure.description, file: configuration.path)
            return []
        }
        let outputDirectory = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let outputs = modules.map { outputDirectory.appending(path: ConfigurationFile.swiftModuleName($0) + ".swift") }
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
                inputFiles: [configuration] + ConfigurationFile.pythonSources(in: configuration),
                outputFiles: outputs
            )
        ]
    }
}
