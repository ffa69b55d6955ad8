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
///   "output": "Generated",
///   "requirements": ["requests==2.34.2", "types-requests"]
/// }
/// ```
/// Only `modules` is required. `searchPaths` are relative to the folder of the file. `output` is used by the
/// `pybindgen` command plugin and the CLI (the build-tool plugin always writes into its work directory).
/// `requirements` (PEP 508) are installed by pybindgen into an environment in its cache, pinned by a
/// `pybindgen.lock` next to the file; `index` and `findLinks` tell pip where to look, and `"stubs": "auto"` adds
/// the known stub distributions of the requirements.
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
    /// PEP 508 requirements of the package environment pybindgen provisions for these bindings (empty: none).
    public var requirements: [String] = []
    /// The package index to install from instead of PyPI (pip's `--index-url`).
    public var index: String?
    /// Extra places pip looks for distributions (pip's `--find-links`), resolved against the file's folder.
    public var findLinks: [String] = []
    /// Whether the known stub distributions of the requirements are added (`"stubs": "auto"`).
    public var addsStubPackages = false
    /// The lock file of the requirements: `pybindgen.lock` next to the configuration file (`nil` in code).
    public var lockFile: String?

    /// Creates a configuration in code.
    public init(modules: [String]) {
        self.modules = modules
    }

    /// Reads and validates a configuration file.
    /// - Throws: ``GeneratorError`` with code `invalid-configuration` whose message starts with the file path and
    ///   lists every problem found, not just the first.
    public static func load(path: String) throws -> BindingConfiguration {
        var configuration = try BindingConfiguration(ConfigurationRules.load(path: path))
        configuration.lockFile = ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(ConfigurationRules.lockFileName)
        return configuration
    }

    /// Validates the JSON of a configuration; `path` names the file in errors and anchors relative paths.
    /// The rules are `ConfigurationRules`, the same code the plugins run.
    public static func parse(_ data: Data, path: String) throws -> BindingConfiguration {
        try BindingConfiguration(ConfigurationRules.parse(data, path: path))
    }

    /// A distribution name as PEP 503 normalizes it: `Charset_Normalizer` → `charset-normalizer`.
    public static func normalizedDistributionName(_ name: String) -> String { RequirementRules.normalize(name) }

    /// The normalized distribution name a PEP 508 requirement names (`httpx[http2]>=0.28` → `httpx`), or `nil`
    /// when it is malformed.
    public static func distributionName(ofRequirement requirement: String) -> String? {
        try? RequirementRules.parse(requirement).get().normalizedName
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
            requirements = contents.requirements
            index = contents.index
            findLinks = contents.findLinks
            addsStubPackages = contents.addsStubPackages
        }
    }
}
