import CPython
import FoundationEssentials

/// Finds the Python installation the process actually links, rather than the first `python3` on `PATH`.
enum InstallationLocator {
    /// The `major.minor` version of the linked library, e.g. `3.11`.
    static let libraryVersion = "\(PY_MAJOR_VERSION).\(PY_MINOR_VERSION)"

    /// The path of the loaded `libpython`, read from the process's memory map.
    static func libraryPath() -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/self/maps") else { return nil }
        let marker = "libpython" + libraryVersion
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.contains(marker) {
            if let slash = line.firstIndex(of: "/") { return String(line[slash...]) }
        }
        return nil
    }

    /// The `bin/python3.X` of the installation that holds the loaded library, if it exists.
    static func embeddedExecutable() -> String? {
        guard let library = libraryPath() else { return nil }
        var directory = library
        for _ in 0..<4 {
            guard let slash = directory.lastIndex(of: "/") else { return nil }
            directory = String(directory[..<slash])
            let candidate = directory + "/bin/python" + libraryVersion
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
