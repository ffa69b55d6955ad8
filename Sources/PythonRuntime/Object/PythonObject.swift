import CPython
import GILDepth

/// A pointer to a CPython object, as the C API sees it.
public typealias PyObjectPointer = UnsafeMutablePointer<PyObject>

/// A strong reference to a Python object.
///
/// `PythonObject` is the dynamic escape hatch: members are looked up with `@dynamicMemberLookup`, calls go
/// through `@dynamicCallable` (with keyword arguments), and Python's operators, subscripts, iteration and
/// context managers have Swift spellings. Every operation takes the GIL itself, so values may be used and
/// dropped on any thread.
///
/// ```swift
/// let math = try Python.import("math")
/// let root: Double = try math.sqrt(2.0)
/// let number: Int = try Python.builtins.int("101010", base: 2)
/// ```
@dynamicMemberLookup
@dynamicCallable
public struct PythonObject: Sendable {
    @usableFromInline
    var reference: PythonReference

    /// Takes ownership of a new (already counted) reference. The caller need not hold the GIL.
    @inlinable
    public init(owning pointer: PyObjectPointer) {
        reference = PythonReference(pointer)
    }

    /// Adds a reference to a borrowed object. The caller holds the GIL.
    @inlinable
    public init(borrowing pointer: PyObjectPointer) {
        pyshim_IncRef(pointer)
        reference = PythonReference(pointer)
    }

    /// Takes ownership of the result of a C-API call that returns a new reference or `NULL` with an exception
    /// set. The caller holds the GIL.
    @inlinable
    public init(checkingNew pointer: PyObjectPointer?) throws(PythonError) {
        guard let pointer else { throw PythonError.fetch() }
        reference = PythonReference(pointer)
    }

    /// The underlying object. It stays alive as long as this value does.
    @inlinable
    public var pointer: PyObjectPointer { reference.pointer }

    /// Whether this is Python's `None`.
    public var isNone: Bool { pointer == pyshim_None() }

    /// Whether both values refer to the same Python object (Python's `is`).
    public func isIdentical(to other: PythonObject) -> Bool { pointer == other.pointer }

    /// The qualified name of the object's type, e.g. `int` or `datetime.date`.
    public var typeName: String {
        Python.withGIL { PythonError.qualifiedTypeName(of: pointer) }
    }
}

/// Owns one strong reference and drops it, under the GIL, when the last Swift copy goes (on any thread).
@usableFromInline
final class PythonReference: @unchecked Sendable {
    /// Replaced only by an in-place operation on a reference no other copy shares (so reading it needs no
    /// dynamic exclusivity check).
    @usableFromInline
    @exclusivity(unchecked)
    var pointer: PyObjectPointer

    @inlinable
    init(_ pointer: PyObjectPointer) {
        self.pointer = pointer
    }

    /// Releases at once when this thread holds the GIL; otherwise queues the release for the next GIL holder
    /// (``DeferredReleases``) rather than waiting for the GIL here.
    deinit {
        if pybindgen_gil_depth_get() > 0 || PyGILState_Check() != 0 {
            pyshim_DecRef(pointer)
        } else {
            DeferredReleases.enqueue(pointer)
        }
    }
}
