import CPython

/// An error raised by Python code or by a conversion between Swift and Python values.
///
/// Every throwing API of the runtime throws `PythonError`; nothing traps on a Python exception or a bad
/// conversion. Match on ``code`` for the kind of failure and on ``typeName`` for the Python exception type.
public struct PythonError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A stable identifier for the kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable text of the code, e.g. `"conversion-failed"`.
        public let rawValue: String
        /// Creates a code from its stable text.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Python code raised an exception; ``PythonError/exception`` holds it.
        public static let pythonException = Code(rawValue: "python-exception")
        /// A Python value does not have the type the Swift side expects ("expected float, got str 'abc'").
        public static let conversionFailed = Code(rawValue: "conversion-failed")
        /// A Python integer does not fit in the Swift integer type; the value is never wrapped or truncated.
        public static let integerOverflow = Code(rawValue: "integer-overflow")
        /// Python returned `None` where a value was promised.
        public static let unexpectedNone = Code(rawValue: "unexpected-none")
        /// The interpreter could not start, or was started twice with different configurations.
        public static let interpreterStartup = Code(rawValue: "interpreter-startup")
        /// Generated bindings name a package environment (provisioned from `pybindgen.json`'s requirements) that
        /// does not exist on this machine; the message says how to make it again.
        public static let environmentMissing = Code(rawValue: "environment-missing")
        /// A distribution the bindings were generated from is installed in another version, or not at all.
        public static let environmentMismatch = Code(rawValue: "environment-mismatch")
    }

    /// The kind of failure.
    public var code: Code
    /// The Python exception type, qualified by its module unless it is a builtin: `ValueError`,
    /// `json.decoder.JSONDecodeError`. Conversion failures use `TypeError` / `OverflowError`.
    public var typeName: String
    /// The exception message (`str(exception)`), or the reason a conversion failed.
    public var message: String
    /// Python's formatted traceback, when the error came from Python code.
    public var traceback: String?
    /// The exception object itself, when the error came from Python code.
    public var exception: PythonObject?
    /// The Swift error a Swift closure threw, when this exception started there (a closure passed to Python as a
    /// callable threw, and the exception came back out through Python code).
    public var swiftError: (any Error)?

    /// Creates an error.
    public init(
        code: Code, typeName: String = "RuntimeError", message: String, traceback: String? = nil,
        exception: PythonObject? = nil
    ) {
        self.code = code
        self.typeName = typeName
        self.message = message
        self.traceback = traceback
        self.exception = exception
    }

    /// `TypeName: message`.
    public var description: String { message.isEmpty ? typeName : "\(typeName): \(message)" }

    /// The description followed by the Python traceback, if any.
    public var debugDescription: String {
        guard let traceback, !traceback.isEmpty else { return "\(description) [\(code)]" }
        return "\(description) [\(code)]\n\(traceback)"
    }
}
