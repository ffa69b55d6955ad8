/// Versions of the pieces in use, the answer to ``Python/versions()``.
public struct PythonVersions: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The embedded interpreter's version, e.g. `3.11.2`.
    public var python: String
    /// The interpreter's full `sys.version` text.
    public var pythonBuild: String
    /// This runtime's version.
    public var runtime: String
    /// The platform, as Python's `platform.platform()` reports it.
    public var platform: String
    /// The interpreter executable (`sys.executable`).
    public var executable: String

    public var description: String {
        "Python \(python) (\(executable)), PythonRuntime \(runtime), \(platform)"
    }
}

extension Python {
    /// The version of this runtime library.
    public static let runtimeVersion = "0.1.0"

    /// Python's version, this runtime's version and the platform.
    /// - Throws: ``PythonError`` if the interpreter cannot report them.
    public static func versions() throws(PythonError) -> PythonVersions {
        let sys = try self.import("sys")
        let platform = try self.import("platform")
        let info = try sys.version_info
        let major: Int = try info.major.converted()
        let minor: Int = try info.minor.converted()
        let micro: Int = try info.micro.converted()
        return PythonVersions(
            python: "\(major).\(minor).\(micro)",
            pythonBuild: try sys.version.converted(),
            runtime: runtimeVersion,
            platform: try platform.platform().converted(),
            executable: try sys.executable.converted())
    }
}
