import Foundation
import PyBindGenCore
import PyBindGenIntrospection
import PythonRuntime

/// The package environment of a configuration, for the commands that need one before the interpreter starts.
enum ProvisionedEnvironment {
    /// Provisions (or finds) the environment of `configuration`'s requirements; `nil` when it declares none.
    static func forConfiguration(_ configuration: BindingConfiguration, upgrade: Bool) throws -> PackageEnvironment? {
        guard !configuration.requirements.isEmpty else { return nil }
        guard let python = PythonEnvironments.pythonExecutable else {
            throw GenerationFailure(
                message: "cannot find the python\(PythonEnvironments.pythonVersion) executable of the linked "
                    + "libpython, which makes the package environment")
        }
        do {
            return try PackageEnvironment.provision(
                for: configuration, upgrade: upgrade, pythonExecutable: python,
                log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        } catch let error as GeneratorError {
            throw GenerationFailure(message: error.message)
        }
    }
}
