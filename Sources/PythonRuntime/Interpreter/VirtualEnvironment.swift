import FoundationEssentials

/// Reads a virtual environment created by `python -m venv`.
enum VirtualEnvironment {
    /// The `site-packages` folder of the environment at `root`, after checking that the environment was made
    /// for the same Python `major.minor` as the embedded library.
    static func sitePackages(of root: String) throws(PythonError) -> String {
        let configPath = root + "/pyvenv.cfg"
        guard let data = FileManager.default.contents(atPath: configPath),
            let text = String(data: data, encoding: .utf8)
        else {
            throw PythonError(
                code: .interpreterStartup,
                message: "virtual environment '\(root)' has no readable pyvenv.cfg")
        }
        var version: String?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            if key == "version" || key == "version_info" { version = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let expected = InstallationLocator.libraryVersion
        if let version, version != expected, !version.hasPrefix(expected + ".") {
            throw PythonError(
                code: .interpreterStartup,
                message: "virtual environment '\(root)' is for Python \(version), "
                    + "but the embedded library is Python \(expected)")
        }
        let sitePackages = root + "/lib/python" + expected + "/site-packages"
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: sitePackages, isDirectory: &isDirectory), isDirectory else {
            throw PythonError(
                code: .interpreterStartup,
                message: "virtual environment '\(root)' has no \(sitePackages)")
        }
        return sitePackages
    }
}
