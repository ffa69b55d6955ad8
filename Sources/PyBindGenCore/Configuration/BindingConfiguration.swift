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
    public static let fileName = "pybindgen.json"

    /// The keys a configuration may contain.
    public static let knownKeys: [String] = ["modules", "include", "exclude", "stubs", "searchPaths", "output"]

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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GeneratorError(.invalidConfiguration, "\(path): cannot read the configuration file")
        }
        return try parse(data, path: path)
    }

    /// Validates the JSON of a configuration; `path` names the file in errors and anchors relative paths.
    public static func parse(_ data: Data, path: String) throws -> BindingConfiguration {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw GeneratorError(
                .invalidConfiguration,
                "\(path): malformed JSON (\(Self.describe(error))); expected an object such as "
                    + #"{"modules": ["math"]}"#)
        }
        guard let object = value as? [String: Any] else {
            throw GeneratorError(
                .invalidConfiguration,
                "\(path): the top level must be a JSON object such as " + #"{"modules": ["math"]}"#)
        }
        var problems: [String] = []
        for key in object.keys.sorted() where !knownKeys.contains(key) {
            problems.append("unknown key '\(key)' (known keys: \(knownKeys.joined(separator: ", ")))")
        }
        let folder = (path as NSString).deletingLastPathComponent
        func strings(_ key: String) -> [String]? {
            guard let raw = object[key] else { return nil }
            guard let list = raw as? [Any], list.allSatisfy({ $0 is String }) else {
                problems.append("'\(key)' must be a list of strings")
                return nil
            }
            return list.compactMap { $0 as? String }
        }
        var configuration = BindingConfiguration(modules: [])
        if let modules = strings("modules") {
            if modules.isEmpty { problems.append("'modules' is empty; list at least one Python module") }
            for module in modules {
                do { try ModuleRendering.validate(moduleName: module) } catch let error as GeneratorError {
                    problems.append(error.message)
                } catch {}
            }
            var seen: Set<String> = []
            for module in modules where !seen.insert(module).inserted {
                problems.append("module '\(module)' is listed twice")
            }
            configuration.modules = modules
        } else if object["modules"] == nil {
            problems.append("missing key 'modules' (the Python modules to bind, e.g. [\"statistics\"])")
        }
        configuration.include = strings("include") ?? []
        configuration.exclude = strings("exclude") ?? []
        configuration.searchPaths = (strings("searchPaths") ?? []).map { Self.resolve($0, against: folder) }
        if let stubs = object["stubs"] {
            // JSON booleans arrive as NSNumber with the `char` type code; 0 and 1 are not booleans.
            if let number = stubs as? NSNumber, String(cString: number.objCType) == "c" {
                configuration.useStubs = number.boolValue
            } else {
                problems.append("'stubs' must be true or false")
            }
        }
        if let output = object["output"] {
            if let output = output as? String, !output.isEmpty {
                configuration.output = Self.resolve(output, against: folder)
            } else {
                problems.append("'output' must be a non-empty folder path")
            }
        }
        guard problems.isEmpty else {
            throw GeneratorError(
                .invalidConfiguration,
                "\(path): \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
                    + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return configuration
    }

    private static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
