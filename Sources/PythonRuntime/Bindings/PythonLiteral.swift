/// A generated enumeration of the values a Python `Literal[…]` type allows: `PyBuiltins.OpenTextMode.rb` is
/// `"rb"`. It converts to its raw value, and from a Python value only when that value is one of its cases, so a
/// typo does not compile and an unexpected value Python returns is a ``PythonError``, not a wrong case.
public protocol PythonLiteral: RawRepresentable, CaseIterable, Hashable, Sendable, ConvertibleToPython,
    ConvertibleFromPython
where RawValue: ConvertibleToPython & ConvertibleFromPython & Sendable {}

extension PythonLiteral {
    @inlinable
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try rawValue.pythonReference()
    }

    /// Reads the case whose raw value the object equals.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/conversionFailed`` naming the allowed values when it
    ///   is none of them.
    @inlinable
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        let raw = try RawValue(pythonReference: object)
        guard let value = Self(rawValue: raw) else {
            let allowed = Self.allCases.map { "\($0.rawValue)" }.joined(separator: ", ")
            throw PythonError(
                code: .conversionFailed, typeName: "ValueError",
                message: "\(raw) is not one of the values \(Self.self) allows (\(allowed))")
        }
        self = value
    }
}
