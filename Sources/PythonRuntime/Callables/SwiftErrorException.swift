import CPython

/// The Python exception a Swift error becomes when a Swift closure called from Python throws:
/// `swift_pybindgen.SwiftError` (a subclass of `Exception`), whose message is the Swift error's description and
/// which carries the Swift error itself, so that Python code can catch it and a Swift caller further out gets
/// the original back as ``PythonError/swiftError``.
enum SwiftErrorException {
    /// Written once under the GIL.
    nonisolated(unsafe) private static var cachedType: PyObjectPointer?
    private static let attributeName = "__swift_error__"
    private static let capsuleName: StaticString = "swift_pybindgen.error"

    /// The exception class, made on first use. The caller holds the GIL.
    static func type() throws(PythonError) -> PyObjectPointer {
        if let cachedType { return cachedType }
        let namespace = try Python.run(
            """
            import sys, types
            module = types.ModuleType("swift_pybindgen", "Exceptions of Swift code called from Python.")
            class SwiftError(Exception):
                \"\"\"An error thrown by a Swift closure called from Python; the Swift error travels with it.\"\"\"
            SwiftError.__module__ = "swift_pybindgen"
            module.SwiftError = SwiftError
            sys.modules.setdefault("swift_pybindgen", module)
            SwiftError = sys.modules["swift_pybindgen"].SwiftError
            """)
        let type = try namespace["SwiftError"]
        pyshim_IncRef(type.pointer)  // kept for the life of the process
        cachedType = type.pointer
        return type.pointer
    }

    /// Stores `error` on `exception` (a capsule that owns it). The caller holds the GIL.
    static func attach(_ error: any Error, to exception: PyObjectPointer) {
        let box = Unmanaged.passRetained(SwiftErrorBox(error) as AnyObject)
        let destructor: @convention(c) (PyObjectPointer?) -> Void = { capsule in
            guard let capsule,
                let raw = PyCapsule_GetPointer(capsule, SwiftCallable.cString(SwiftErrorException.capsuleName))
            else { return }
            Unmanaged<AnyObject>.fromOpaque(raw).release()
        }
        guard let capsule = PyCapsule_New(box.toOpaque(), SwiftCallable.cString(capsuleName), destructor) else {
            box.release()
            PyErr_Clear()
            return
        }
        if PyObject_SetAttrString(exception, attributeName, capsule) != 0 { PyErr_Clear() }
        pyshim_DecRef(capsule)
    }

    /// The Swift error carried by `exception`, if it is one. The caller holds the GIL.
    static func swiftError(in exception: PyObjectPointer) -> (any Error)? {
        guard let cachedType, PyObject_IsInstance(exception, cachedType) == 1 else { return nil }
        guard let capsule = PyObject_GetAttrString(exception, attributeName) else {
            PyErr_Clear()
            return nil
        }
        defer { pyshim_DecRef(capsule) }
        guard let raw = PyCapsule_GetPointer(capsule, SwiftCallable.cString(capsuleName)) else {
            PyErr_Clear()
            return nil
        }
        return (Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as? SwiftErrorBox)?.error
    }
}

/// Owns a Swift error inside a capsule on a Python exception.
final class SwiftErrorBox {
    let error: any Error

    init(_ error: any Error) {
        self.error = error
    }
}
