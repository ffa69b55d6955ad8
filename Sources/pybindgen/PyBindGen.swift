import ArgumentParser

/// The `pybindgen` command line tool.
@main
struct PyBindGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pybindgen",
        abstract: "Typed Swift bindings for Python modules.",
        subcommands: [Versions.self]
    )
}
