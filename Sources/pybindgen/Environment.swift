import ArgumentParser
import Foundation
import PyBindGenCore
import PyBindGenIntrospection
import PythonRuntime

/// `pybindgen environment --config pybindgen.json`: provisions the configuration's package environment and says
/// how to make the same one elsewhere.
struct Environment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Provision the package environment of a pybindgen.json and print how to reproduce it.",
        discussion: """
            Installs the configuration's "requirements" as pybindgen.lock pins them (resolving them and writing the \
            lock when there is none), then prints the environment's path, its packages, and the commands that make \
            the same environment on another machine with the same Python and platform. A program deployed there \
            runs with VIRTUAL_ENV set to that environment.

            Example:
              swift run pybindgen environment --config Sources/App/pybindgen.json \\
                --requirements-file deploy/requirements.txt
            """
    )

    @Option(help: "The pybindgen.json whose requirements to provision.")
    var config: String = "pybindgen.json"

    @Flag(help: "Resolve the requirements again, ignoring and rewriting pybindgen.lock.")
    var upgrade = false

    @Option(
        name: .customLong("requirements-file"),
        help: "Also write the exact pins (with hashes) as a pip requirements file here.")
    var requirementsFile: String?

    @Option(help: "The folder the printed commands create the environment in.")
    var target: String = "/opt/python-environment"

    func run() throws {
        let configuration: BindingConfiguration
        do {
            configuration = try BindingConfiguration.load(path: config)
        } catch let error as GeneratorError {
            throw GenerationFailure(message: error.message)
        }
        guard let environment = try ProvisionedEnvironment.forConfiguration(configuration, upgrade: upgrade) else {
            throw GenerationFailure(
                message: "\(config) declares no requirements: its modules come from the interpreter's own "
                    + "environment, so there is nothing to provision")
        }
        let pins = environment.lock.pinnedRequirements.joined(separator: "\n") + "\n"
        let file = requirementsFile ?? "requirements.txt"
        if let requirementsFile {
            try pins.write(toFile: requirementsFile, atomically: true, encoding: .utf8)
        }
        print("environment: \(environment.path)")
        print("python: \(environment.lock.request.python) (\(environment.lock.request.platform))")
        print("packages:")
        for package in environment.lock.packages { print("  \(package.name)==\(package.version)") }
        print("reproduce elsewhere (\(requirementsFile == nil ? "write \(file) with --requirements-file" : file)):")
        for command in environment.reproductionCommands(at: target, requirementsFile: file) { print("  " + command) }
        print("  then run the program with VIRTUAL_ENV=\(target)")
    }
}
