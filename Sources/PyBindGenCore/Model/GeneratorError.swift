/// A failure of the generator, with a stable code and a message that says what and where.
public struct GeneratorError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable {
        case invalidModuleName = "invalid-module-name"
        case importFailed = "import-failed"
        case introspectionFailed = "introspection-failed"
        case unwritableOutput = "unwritable-output"
        case outOfDate = "out-of-date"
        case invalidConfiguration = "invalid-configuration"
        /// The package environment of the requirements could not be provisioned (nothing half installed is kept).
        case environmentFailed = "environment-failed"
        /// The lock file of the requirements is unreadable or not one pybindgen wrote.
        case invalidLockFile = "invalid-lock-file"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
