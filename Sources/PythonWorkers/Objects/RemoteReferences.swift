import CPython
import PythonRuntime

/// How handles and opaque values travel inside a request's pickle: as calls of `_pybindgen_remote.object(id)`
/// and `_pybindgen_remote.opaque(data)`, which the worker's module of that name turns back into the object in its
/// table and the unpickled value (see `worker.py`). The host's module of that name exists only so `pickle` can
/// name those functions; the host never calls them.
///
/// A handle's reference retains its ``RemoteObjectLifetime`` (a capsule) and, when pickled, records it in
/// `used`, so the encoder learns every handle a request names, nested in containers too, and sends the request to
/// the worker that holds them.
enum RemoteReferences {
    private static let namespace = Result { () throws(PythonError) -> PythonObject in
        try Python.run(
            """
            import sys
            import types

            remote = sys.modules.get("_pybindgen_remote")
            if remote is None:
                remote = types.ModuleType("_pybindgen_remote", "Names the host's handles and opaque values in requests.")

                def remote_object(object_id):
                    raise RuntimeError("object %d lives in a worker, not in the host" % object_id)

                def remote_opaque(data):
                    raise RuntimeError("opaque values are unpickled in workers, never in the host")

                for function, name in ((remote_object, "object"), (remote_opaque, "opaque")):
                    function.__module__, function.__name__, function.__qualname__ = remote.__name__, name, name
                    setattr(remote, name, function)
                sys.modules[remote.__name__] = remote

            used = []

            class RemoteReference:
                __slots__ = ("object_id", "token")

                def __init__(self, object_id, token):
                    self.object_id = object_id
                    self.token = token

                def __reduce__(self):
                    used.append(self.token)
                    return (remote.object, (self.object_id,))

                def __repr__(self):
                    return "<object %d in a worker>" % self.object_id

            class OpaqueReference:
                __slots__ = ("data",)

                def __init__(self, data):
                    self.data = data

                def __reduce__(self):
                    return (remote.opaque, (self.data,))

                def __repr__(self):
                    return "<opaque value of %d pickled bytes>" % len(self.data)
            """)
    }

    private static func helper(_ name: String) throws(PythonError) -> PythonObject {
        try namespace.get()[name]
    }

    /// The list every pickled handle reference records itself in (looked up once: every request reads it).
    private static let usedList = Result { () throws(PythonError) -> PythonObject in try helper("used") }

    /// A reference to `lifetime`'s object, to pass as an argument. The caller holds the GIL.
    static func reference(to lifetime: RemoteObjectLifetime) throws(PythonError) -> PythonObject {
        try helper("RemoteReference").call(lifetime.objectID, try lifetime.capsule())
    }

    /// An argument that unpickles to the value of `pickle` in the worker. The caller holds the GIL.
    static func opaque(_ pickle: [UInt8]) throws(PythonError) -> PythonObject {
        try helper("OpaqueReference").call(pickle)
    }

    /// Runs `encode` (which pickles a request) and returns what it made with the handles the pickle named, in
    /// order. The caller holds the GIL.
    static func collectingHandles<Value>(_ encode: () throws(PythonError) -> Value) throws(PythonError) -> (
        Value, [RemoteObjectLifetime]
    ) {
        let used = try usedList.get()
        defer { PyList_SetSlice(used.pointer, 0, PyList_Size(used.pointer), nil) }
        let value = try encode()
        var lifetimes: [RemoteObjectLifetime] = []
        for index in 0..<PyList_Size(used.pointer) {
            if let item = PyList_GetItem(used.pointer, index), let lifetime = RemoteObjectLifetime.from(capsule: item) {
                lifetimes.append(lifetime)
            }
        }
        return (value, lifetimes)
    }
}
