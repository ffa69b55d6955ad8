import CPython
import GILDepth

/// The Swift side of a Python callable made from a Swift closure: Python calls ``invoke(_:_:_:)`` through a
/// `PyCFunction` whose `self` is a capsule that owns this box; the box (and what the closure captures) is released
/// when Python drops the last reference to the function.
final class SwiftCallableBox {
    typealias Body = (UnsafeBufferPointer<PyObjectPointer?>, Int, PyObjectPointer?) throws -> PyObjectPointer

    let body: Body

    init(_ body: @escaping Body) {
        self.body = body
    }

    /// Runs the closure for a vectorcall (`args[0..<positional]`, then the values of `kwnames`). The GIL is held.
    /// Returns a new reference, or `NULL` with a Python exception set.
    func invoke(_ arguments: UnsafePointer<PyObjectPointer?>?, _ count: Int, _ keywordNames: PyObjectPointer?)
        -> PyObjectPointer?
    {
        let positional = count & ~SwiftCallable.argumentsOffsetFlag
        let keywords = keywordNames.map { PyTuple_Size($0) } ?? 0
        let buffer = UnsafeBufferPointer(start: arguments, count: positional + keywords)
        // Python holds the GIL while it calls: nested runtime calls take the fast path.
        pybindgen_gil_depth_enter()
        defer { pybindgen_gil_depth_leave() }
        do {
            return try body(buffer, positional, keywordNames)
        } catch {
            SwiftCallable.raise(error)
            return nil
        }
    }
}

/// Making Python callables from Swift closures, and carrying Swift errors through Python.
enum SwiftCallable {
    static let argumentsOffsetFlag = Int(bitPattern: UInt(1) << (UInt.bitWidth - 1))
    /// The closure capsules are unnamed (so the trampoline's `PyCapsule_GetPointer` compares no string on every
    /// call) and marked instead by this context value.
    static let capsuleMarker: StaticString = "swift_pybindgen.closure"

    /// The method definition every Swift callable shares (`METH_FASTCALL | METH_KEYWORDS`); kept for the life of
    /// the process, as CPython requires.
    nonisolated(unsafe) static let definition: UnsafeMutablePointer<PyMethodDef> = {
        let trampoline:
            @convention(c) (
                PyObjectPointer?, UnsafePointer<PyObjectPointer?>?, Int, PyObjectPointer?
            ) -> PyObjectPointer? = { capsule, arguments, count, keywordNames in
                guard let capsule, let raw = PyCapsule_GetPointer(capsule, nil) else {
                    return nil
                }
                // The capsule keeps the box alive for the call: no retain and release on this path.
                return Unmanaged<SwiftCallableBox>.fromOpaque(raw)._withUnsafeGuaranteedRef {
                    $0.invoke(arguments, count, keywordNames)
                }
            }
        let definition = UnsafeMutablePointer<PyMethodDef>.allocate(capacity: 1)
        definition.initialize(
            to: PyMethodDef(
                ml_name: cString("swift_closure"), ml_meth: unsafeBitCast(trampoline, to: PyCFunction.self),
                ml_flags: Int32(METH_FASTCALL | METH_KEYWORDS), ml_doc: cString("A Swift closure.")))
        return definition
    }()

    /// A C string for a literal (static storage, never freed).
    static func cString(_ text: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    static var markerPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(mutating: cString(capsuleMarker)) }

    /// A Python function that runs `body`. The GIL is held by the caller.
    static func make(_ body: @escaping SwiftCallableBox.Body) throws(PythonError) -> PythonObject {
        let box = Unmanaged.passRetained(SwiftCallableBox(body))
        let destructor: @convention(c) (PyObjectPointer?) -> Void = { capsule in
            guard let capsule, let raw = PyCapsule_GetPointer(capsule, nil) else { return }
            Unmanaged<SwiftCallableBox>.fromOpaque(raw).release()
        }
        guard let capsule = PyCapsule_New(box.toOpaque(), nil, destructor) else {
            box.release()
            throw PythonError.fetch()
        }
        guard PyCapsule_SetContext(capsule, markerPointer) == 0 else {
            pyshim_DecRef(capsule)
            throw PythonError.fetch()
        }
        defer { pyshim_DecRef(capsule) }
        return try PythonObject(checkingNew: PyCFunction_NewEx(definition, capsule, nil))
    }

    /// Whether `object` is a callable made from a Swift closure. The GIL is held by the caller.
    static func isSwiftClosure(_ object: PyObjectPointer) -> Bool {
        guard pyshim_CFunctionCheck(object) != 0, let owner = PyCFunction_GetSelf(object) else { return false }
        return PyCapsule_IsValid(owner, nil) != 0 && PyCapsule_GetContext(owner) == markerPointer
    }

    /// Sets the Python exception for a Swift error thrown inside a closure: a `PythonError` that came from Python
    /// is raised again as itself; any other error becomes a `SwiftError` exception that carries the original.
    static func raise(_ error: any Error) {
        if let python = error as? PythonError {
            if let exception = python.exception {
                PyErr_SetObject(pyshim_TypeObject(exception.pointer), exception.pointer)
                return
            }
            // A conversion failure in the runtime: raised as the builtin exception it names (`TypeError`, …).
            if let builtins = PyEval_GetBuiltins(), let type = PyDict_GetItemString(builtins, python.typeName),
                let base = PyDict_GetItemString(builtins, "BaseException"), PyObject_IsSubclass(type, base) == 1
            {
                PyErr_SetString(type, python.message)
                return
            }
            PyErr_Clear()
        }
        guard let type = try? SwiftErrorException.type(), let message = PyUnicode_FromString(String(describing: error))
        else {
            return  // the failure to make the exception is the exception set
        }
        defer { pyshim_DecRef(message) }
        guard let exception = PyObject_CallOneArg(type, message) else { return }
        defer { pyshim_DecRef(exception) }
        SwiftErrorException.attach(error, to: exception)
        PyErr_SetObject(type, exception)
    }
}
