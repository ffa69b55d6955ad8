import ArgumentParser

/// The `pybindgen` command line tool: a thin shell over `PyBindGenCore`.
@main
struct PyBindGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pybindgen",
        abstract: "Typed Swift bindings for Python modules.",
        subcommands: [Generate.self, Environment.self, Versions.self],
        defaultSubcommand: Generate.self
    )
}
