import FoundationEssentials
import Synchronization

/// Where pybindgen keeps the package environments it provisions from a `pybindgen.json`'s `requirements`, and
/// which of them this process has put on `sys.path`.
public enum PythonEnvironments {
    /// The cache folder: `$PYBINDGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/swift-pybindgen`, else
    /// `~/.cache/swift-pybindgen`. The generator and the runtime read the same variables, so a program finds the
    /// environments its bindings were generated against.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PYBINDGEN_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/swift-pybindgen" }
        return (environment["HOME"] ?? "/tmp") + "/.cache/swift-pybindgen"
    }

    /// The folder of the environment named `name` (as recorded by generated bindings).
    public static func path(named name: String) -> String { cacheDirectory() + "/environments/" + name }

    /// `major.minor` of the Python this process links (`3.11`), known without starting the interpreter.
    public static let pythonVersion = InstallationLocator.libraryVersion

    /// The `bin/python3.X` of the installation this process links, known without starting the interpreter.
    public static var pythonExecutable: String? { InstallationLocator.embeddedExecutable() }

    /// The environments generated bindings have put on this process's `sys.path`, in the order they were: a
    /// `PythonWorkers` pool started without an explicit interpreter or `VIRTUAL_ENV` runs its workers in the
    /// first of them.
    public static var activated: [String] { activatedPaths.withLock { $0 } }

    static let activatedPaths = Mutex<[String]>([])
}
