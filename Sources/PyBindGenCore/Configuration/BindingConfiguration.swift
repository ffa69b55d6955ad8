import Foundation

/// The contents of a `pybindgen.json` file: which Python modules to bind and how.
///
/// ```json
/// {
///   "modules": ["statistics", "fractions"],
///   "include": [],
///   "exclude": ["NormalDist"],
///   "stubs": true,
///   "searchPaths": ["python"],
///   "output": "Generated"
/// }
/// ```
/// Only `modules` is required. `searchPaths` are relative to the folder of the file. `output` is used by the
/// `pybindgen` command plugin and the CLI (the build-tool plugin always writes into its work directory).
public struct BindingConfiguration: Sendable, Equatable {
    /// The fixed file name the plugins look for.
    public static let fileName = ConfigurationRules.fileName

    /// The keys a configuration may contain.
    public static let knownKeys: [String] = ConfigurationRules.knownKeys

    /// Dotted Python module names, in order, without duplicates.
    public var modules: [String]
    /// Only these names (when not empty).
    public var include: [String] = []
    /// Never these names.
    public var exclude: [String] = []
    /// Read types from typeshed stubs (default `true`).
    public var useStubs = true
    /// Folders put at the front of `sys.path`, already resolved against the configuration's folder.
    public var searchPaths: [String] = []
    /// The folder for committed modules (`Py<Name>/Py<Name>.swift`), resolved against the configuration's folder.
    public var output: String?

    /// Creates a configuration in code.
    public init(modules: [String]) {
        self.modules = modules
    }

    /// Reads and validates a configuration file.
    /// - Throws: ``GeneratorError`` with code `invalid-configuration` whose message starts with the file path and
    ///   lists every problem found, not just the first.
    public static func load(path: String) throws -> BindingConfiguration {
        try BindingConfiguration(ConfigurationRules.load(path: path))
    }

    /// Validates the JSON of a configuration; `path` names the file in errors and anchors relative paths.
    /// The rules are `ConfigurationRules`, the same code the plugins run.
    public static func parse(_ data: Data, path: String) throws -> BindingConfiguration {
        try BindingConfiguration(ConfigurationRules.parse(data, path: path))
    }

    private init(_ result: Result<ConfigurationRules.Contents, ConfigurationRules.Problems>) throws {
        switch result {
        case .failure(let problems):
            throw GeneratorError(.invalidConfiguration, problems.description)
        case .success(let contents):
            self.init(modules: contents.modules)
            include = contents.include
            exclude = contents.exclude
            useStubs = contents.useStubs
            searchPaths = contents.searchPaths
            output = contents.output
        }
    }
}
