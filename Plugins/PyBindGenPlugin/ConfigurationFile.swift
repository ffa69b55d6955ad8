import Foundation

/// What the build plugin must know from `pybindgen.json` before the build runs: the module list, which fixes the
/// output files. The `pybindgen` tool validates the whole file again with the same rules when it runs.
enum ConfigurationFile {
    static let name = "pybindgen.json"
    static let knownKeys = ["modules", "include", "exclude", "stubs", "searchPaths", "output"]

    /// The modules listed in the file; every problem found is reported in one failure.
    static func modules(in url: URL) throws -> [String] {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PluginFailure("\(path): cannot read the configuration file")
        }
        let object: [String: Any]
        do {
            guard let value = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw PluginFailure("\(path): the top level must be a JSON object such as {\"modules\": [\"math\"]}")
            }
            object = value
        } catch let failure as PluginFailure {
            throw failure
        } catch {
            throw PluginFailure("\(path): malformed JSON; expected an object such as {\"modules\": [\"math\"]}")
        }
        var problems: [String] = []
        for key in object.keys.sorted() where !knownKeys.contains(key) {
            problems.append("unknown key '\(key)' (known keys: \(knownKeys.joined(separator: ", ")))")
        }
        var modules: [String] = []
        if let raw = object["modules"] {
            if let list = raw as? [Any], list.allSatisfy({ $0 is String }) {
                modules = list.compactMap { $0 as? String }
                if modules.isEmpty { problems.append("'modules' is empty; list at least one Python module") }
                for module in modules where !isModuleName(module) {
                    problems.append(
                        "'\(module)' is not a Python module name (expected dotted identifiers such as math or os.path)")
                }
                if Set(modules).count != modules.count { problems.append("a module is listed twice") }
            } else {
                problems.append("'modules' must be a list of strings")
            }
        } else {
            problems.append("missing key 'modules' (the Python modules to bind, e.g. [\"statistics\"])")
        }
        guard problems.isEmpty else {
            throw PluginFailure(
                "\(path): \(problems.count) problem\(problems.count == 1 ? "" : "s"): "
                    + problems.joined(separator: "; "))
        }
        return modules
    }

    /// The `.py` and `.pyi` files under the file's `searchPaths` (relative to its folder): the user's own Python
    /// code, whose annotations type the bindings, so editing it regenerates them.
    static func pythonSources(in url: URL) -> [URL] {
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let searchPaths = object["searchPaths"] as? [String]
        else { return [] }
        let folder = url.deletingLastPathComponent()
        var sources: [URL] = []
        for searchPath in searchPaths {
            let root = searchPath.hasPrefix("/") ? URL(fileURLWithPath: searchPath) : folder.appending(path: searchPath)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                if file.lastPathComponent == "__pycache__" {
                    files?.skipDescendants()
                } else if ["py", "pyi"].contains(file.pathExtension) {
                    sources.append(file)
                }
            }
        }
        return sources.sorted { $0.path < $1.path }
    }

    /// `statistics` → `PyStatistics`, `os.path` → `PyOsPath` (the generator's naming rule).
    static func swiftModuleName(_ module: String) -> String {
        "Py" + module.split(separator: ".").map { upperCamel(String($0)) }.joined()
    }

    private static func upperCamel(_ python: String) -> String {
        let parts = python.split(separator: "_").map(String.init).filter { !$0.isEmpty }
        guard let first = parts.first else { return "Value" }
        let camel = ([first] + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }).joined()
        return camel.prefix(1).uppercased() + camel.dropFirst()
    }

    private static func isModuleName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
                return part.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
            }
    }
}

/// A plugin error whose text is shown by the build.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
