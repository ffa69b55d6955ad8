import Foundation

/// The rules of a `pybindgen.json` file and of pybindgen's module names, written once.
///
/// This file lives in `Plugins/Shared` and is linked (a symbolic link) into the `PyBindGenCore` library, the
/// build-tool plugin and the command plugin, which cannot depend on a library: the three read a configuration,
/// and name the files it produces, with the same code. It uses Foundation only.
enum ConfigurationRules {
    /// The fixed file name the plugins look for.
    static let fileName = "pybindgen.json"

    /// The keys a configuration may contain.
    static let knownKeys: [String] = [
        "modules", "include", "exclude", "stubs", "searchPaths", "output", "requirements", "index", "findLinks",
    ]

    /// The name of the lock file written next to the configuration when it declares `requirements`.
    static let lockFileName = "pybindgen.lock"

    /// What a valid configuration says; paths are resolved against the file's folder.
    struct Contents: Equatable, Sendable {
        var modules: [String] = []
        var include: [String] = []
        var exclude: [String] = []
        var useStubs = true
        var searchPaths: [String] = []
        var output: String?
        /// PEP 508 requirements of the package environment pybindgen provisions (empty: none).
        var requirements: [String] = []
        /// The package index pip installs from (`--index-url`), when not PyPI.
        var index: String?
        /// Folders or pages of wheels pip also looks in (`--find-links`), resolved against the file's folder.
        var findLinks: [String] = []
        /// `"stubs": "auto"`: add the known stub distributions of the requirements to the environment.
        var addsStubPackages = false
    }

    /// Everything wrong with a configuration file, each problem a sentence.
    struct Problems: Error, Equatable, CustomStringConvertible, Sendable {
        var path: String
        var messages: [String]
        /// The file as a whole is unusable (unreadable, not JSON, not an object): one message, no list.
        var wholeFile = false

        var description: String {
            if wholeFile { return "\(path): \(messages.joined(separator: "; "))" }
            return "\(path): \(messages.count) problem\(messages.count == 1 ? "" : "s"):\n"
                + messages.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Reads and validates the file at `path`.
    static func load(path: String) -> Result<Contents, Problems> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Problems(path: path, messages: ["cannot read the configuration file"], wholeFile: true))
        }
        return parse(data, path: path)
    }

    /// Validates the JSON of a configuration; `path` names the file in problems and anchors relative paths.
    /// Every problem is reported, not just the first.
    static func parse(_ data: Data, path: String) -> Result<Contents, Problems> {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            let nsError = error as NSError
            let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
            return .failure(
                Problems(
                    path: path,
                    messages: ["malformed JSON (\(detail)); expected an object such as " + #"{"modules": ["math"]}"#],
                    wholeFile: true))
        }
        guard let object = value as? [String: Any] else {
            return .failure(
                Problems(
                    path: path,
                    messages: ["the top level must be a JSON object such as " + #"{"modules": ["math"]}"#],
                    wholeFile: true))
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
        var contents = Contents()
        if let modules = strings("modules") {
            if modules.isEmpty { problems.append("'modules' is empty; list at least one Python module") }
            problems += modules.compactMap(moduleNameProblem)
            var seen: Set<String> = []
            for module in modules where !seen.insert(module).inserted {
                problems.append("module '\(module)' is listed twice")
            }
            contents.modules = modules
        } else if object["modules"] == nil {
            problems.append("missing key 'modules' (the Python modules to bind, e.g. [\"statistics\"])")
        }
        contents.include = strings("include") ?? []
        contents.exclude = strings("exclude") ?? []
        contents.searchPaths = (strings("searchPaths") ?? []).map { resolve($0, against: folder) }
        if let stubs = object["stubs"] {
            // JSON booleans arrive as NSNumber with the `char` type code; 0 and 1 are not booleans.
            if let number = stubs as? NSNumber, String(cString: number.objCType) == "c" {
                contents.useStubs = number.boolValue
            } else if stubs as? String == "auto" {
                contents.addsStubPackages = true
            } else {
                problems.append("'stubs' must be true, false or \"auto\"")
            }
        }
        if let output = object["output"] {
            if let output = output as? String, !output.isEmpty {
                contents.output = resolve(output, against: folder)
            } else {
                problems.append("'output' must be a non-empty folder path")
            }
        }
        if let requirements = strings("requirements") {
            problems += RequirementRules.problems(requirements)
            contents.requirements = requirements.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let index = object["index"] {
            if let index = index as? String, index.contains("://") {
                contents.index = index
            } else {
                problems.append("'index' must be the URL of a package index, such as https://pypi.org/simple")
            }
        }
        contents.findLinks = (strings("findLinks") ?? []).map { $0.contains("://") ? $0 : resolve($0, against: folder) }
        if contents.requirements.isEmpty,
            contents.index != nil || !contents.findLinks.isEmpty || contents.addsStubPackages
        {
            problems.append("'index', 'findLinks' and \"stubs\": \"auto\" apply to 'requirements', which are not given")
        }
        return problems.isEmpty ? .success(contents) : .failure(Problems(path: path, messages: problems))
    }

    /// Why `name` is not a dotted name of Python identifiers (`math`, `os.path`; not `../x`, ``, `1abc`), or
    /// `nil` when it is one.
    static func moduleNameProblem(_ name: String) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !name.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
                return part.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
            }
        return valid
            ? nil : "'\(name)' is not a Python module name (expected dotted identifiers such as math or os.path)"
    }

    /// The Swift module of a Python module: `math` → `PyMath`, `os.path` → `PyOsPath`.
    static func swiftModuleName(_ python: String) -> String {
        "Py" + python.split(separator: ".").map { upperCamel(String($0)) }.joined()
    }

    /// `median_low` → `medianLow`, `and_` → `and`, `__call__` → `call`.
    static func lowerCamel(_ python: String) -> String {
        let parts = python.split(separator: "_").map(String.init).filter { !$0.isEmpty }
        guard let first = parts.first else { return "value" }
        let rest = parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return ([first] + rest).joined()
    }

    /// `timedelta` → `Timedelta`, `OrderedDict` → `OrderedDict`, `my_class` → `MyClass`.
    static func upperCamel(_ python: String) -> String {
        let camel = lowerCamel(python)
        return camel.prefix(1).uppercased() + camel.dropFirst()
    }

    /// The `.py` and `.pyi` files under `searchPaths` (skipping `__pycache__`), sorted: the user's own Python
    /// code, whose annotations type the bindings, so editing one must regenerate them.
    static func pythonSources(searchPaths: [String]) -> [URL] {
        var sources: [URL] = []
        for searchPath in searchPaths {
            let files = FileManager.default.enumerator(
                at: URL(fileURLWithPath: searchPath), includingPropertiesForKeys: nil)
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

    private static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }
}
