import CPython
import FoundationEssentials
import SystemShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the Python installation the process actually links, rather than the first `python3` on `PATH`.
enum InstallationLocator {
    /// The `major.minor` version of the linked library, e.g. `3.11`.
    static let libraryVersion = "\(PY_MAJOR_VERSION).\(PY_MINOR_VERSION)"

    /// The path of the loaded `libpython`: the shared object that holds `Py_Initialize` (symlinks resolved), else
    /// the process's memory map.
    static func libraryPath() -> String? {
        let initialize: @convention(c) () -> Void = Py_Initialize
        if let name = shims_shared_object_path(unsafeBitCast(initialize, to: UnsafeRawPointer.self)),
            let resolved = realpath(name, nil)
        {
            defer { free(resolved) }
            let path = String(cString: resolved)
            if path.contains("libpython") { return path }
        }
        // /proc files report size 0, so read to the end (a single read returns one page).
        let fd = open("/proc/self/maps", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            data.append(contentsOf: buffer[..<count])
        }
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
