import CPython

/// An attribute or method name that generated code interns once (`PyUnicode_InternFromString`) and keeps for the
/// life of the process, so that reading `date.year` or calling `date.weekday()` builds no string per use.
///
/// The name is interned on first use, under the GIL, and only read under the GIL afterwards, so it can be a
/// `static let` shared by all threads.
public final class PythonMemberName: @unchecked Sendable {
    /// The name as Python spells it, e.g. `year`.
    public let name: String

    /// The interned `str`; written and read only with the GIL held.
    @exclusivity(unchecked) @usableFromInline
    var interned: PyObjectPointer?

    /// A name for `name`.
    public init(_ name: String) {
        self.name = name
    }

    /// The interned `str`, made on first use. The caller holds the GIL.
    /// - Throws: ``PythonError`` if Python cannot allocate the string.
    @inlinable
    public func resolvedHoldingGIL() throws(PythonError) -> PyObjectPointer {
        if let interned { return interned }
        return try intern()
    }

    @usableFromInline
    func intern() throws(PythonError) -> PyObjectPointer {
        guard let string = name.withCString({ PyUnicode_InternFromString($0) }) else { throw PythonError.fetch() }
        interned = string  // kept for the life of the process
        return string
    }
}
