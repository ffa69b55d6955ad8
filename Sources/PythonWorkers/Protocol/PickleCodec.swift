import CPython
import PythonRuntime

/// Turns calls into request payloads and response payloads into values, with the embedded interpreter's
/// `pickle` (so results convert exactly like local calls). Every method takes the GIL itself.
package enum PickleCodec {
    /// Small helpers compiled once in the embedded interpreter.
    private static let helpers = Result { () throws(PythonError) -> PythonObject in
        try Python.run(
            """
            import io
            import pickle

            # What a result may name besides plain data: value types of the standard library whose unpickling only
            # constructs the value (see the README's trust direction).
            SAFE_RESULT_GLOBALS = frozenset({
                "builtins.complex", "builtins.set", "builtins.frozenset", "builtins.bytearray", "builtins.slice",
                "builtins.range", "builtins.int", "builtins.float", "builtins.str", "builtins.bytes",
                "builtins.bool", "builtins.list", "builtins.tuple", "builtins.dict",
                "copyreg.__newobj__", "copyreg.__newobj_ex__",
                "datetime.date", "datetime.time", "datetime.datetime", "datetime.timedelta", "datetime.timezone",
                "decimal.Decimal", "fractions.Fraction",
                "collections.OrderedDict", "collections.deque", "collections.Counter", "collections.defaultdict",
                "uuid.UUID", "uuid.SafeUUID",
                "pathlib.PurePath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath", "pathlib.Path",
                "pathlib.PosixPath",
                "ipaddress.IPv4Address", "ipaddress.IPv6Address", "ipaddress.IPv4Network", "ipaddress.IPv6Network",
            })

            # Unpickles only data: a global (a class or function the pickle names) loads only if allowed, so nothing a
            # worker sends can make the host run code.
            class RestrictedUnpickler(pickle.Unpickler):
                def __init__(self, data, allowed):
                    super().__init__(io.BytesIO(data))
                    self.allowed = allowed

                def find_class(self, module, name):
                    if module + "." + name in self.allowed:
                        return super().find_class(module, name)
                    raise pickle.UnpicklingError("refused global " + module + "." + name)

            def loads_result(data, trusted):
                return RestrictedUnpickler(bytes(data), SAFE_RESULT_GLOBALS | frozenset(trusted)).load()

            def loads_data(data):
                return RestrictedUnpickler(bytes(data), frozenset()).load()

            def encode_map(module, qualname, items):
                return pickle.dumps((module, qualname, items), 5)

            def encode_setup(search_paths, imports, code):
                return pickle.dumps((search_paths, imports, code), 5)

            """)
    }

    private static func helper(_ name: String) throws(PythonError) -> PythonObject {
        try helpers.get()[name]
    }

    private static let dumps = PythonCallableReference(module: "pickle", "dumps")

    /// A request payload and the handles it names (the objects it needs: they live in one worker).
    struct EncodedRequest {
        var payload: [UInt8]
        var handles: [RemoteObjectLifetime]
    }

    /// `(module, qualname, args, kwargs or None)` for a call request, built with the C API (this is on the path of
    /// every call).
    static func encodeCall(module: String, function: String, arguments: PythonArguments) throws -> EncodedRequest {
        try encode(name: "\(module).\(function)", arguments: arguments) { () throws(PythonError) in
            [try module.pythonReference(), try function.pythonReference()]
        }
    }

    /// What an object request acts on: a module (by name) or an object in the worker's table (by id).
    enum ObjectTarget {
        case module(String)
        case object(UInt64)
    }

    /// What an object request does with its target (`worker.py`'s operations).
    enum ObjectOperation: Int {
        case call = 0
        case getAttribute = 1
        case setAttribute = 2
    }

    /// `(target, operation, name, args, kwargs or None, answer)` for an object request; `answer` 1 keeps the
    /// result in the worker and answers its handle.
    static func encodeObjectRequest(
        target: ObjectTarget, operation: ObjectOperation, name: String, arguments: PythonArguments,
        keepsResult: Bool, description: String
    ) throws -> EncodedRequest {
        let answer = keepsResult ? 1 : 0
        return try encode(
            name: description, arguments: arguments,
            leading: { () throws(PythonError) in
                switch target {
                case .module(let module): [try module.pythonReference(), try operation.rawValue.pythonReference()]
                case .object(let id): [try id.pythonReference(), try operation.rawValue.pythonReference()]
                }
            }, trailing: { () throws(PythonError) in [try answer.pythonReference()] },
            memberName: name)
    }

    /// Pickles `(leading…, [name,] args, kwargs or None, trailing…)` and collects the handles it names.
    private static func encode(
        name description: String, arguments: PythonArguments,
        leading: () throws(PythonError) -> [PyObjectPointer],
        trailing: () throws(PythonError) -> [PyObjectPointer] = { [] }, memberName: String? = nil
    ) throws -> EncodedRequest {
        let values = arguments.positionalArguments + arguments.keywordArguments.map(\.value)
        if let index = values.firstIndex(where: \.isSwiftClosure) {
            throw WorkerError(
                .notPicklable,
                "argument \(index + 1) of \(description) is a Swift closure: it lives in this process and "
                    + "cannot be sent to a worker; call a Python function by name instead",
                pythonTypeName: "TypeError")
        }
        do {
            return try Python.withGIL { () throws(PythonError) -> EncodedRequest in
                let positional = arguments.positionalArguments
                let args = PyTuple_New(positional.count)!
                for (index, value) in positional.enumerated() {
                    pyshim_IncRef(value.pointer)
                    pyshim_TupleSetItem(args, index, value.pointer)
                }
                let keywords = arguments.keywordArguments
                let kwargs: PyObjectPointer
                if keywords.isEmpty {
                    kwargs = pyshim_None()
                    pyshim_IncRef(kwargs)
                } else {
                    kwargs = PyDict_New()!
                    for (name, value) in keywords { PyDict_SetItemString(kwargs, name, value.pointer) }
                }
                var items = try leading()
                if let memberName { items.append(try memberName.pythonReference()) }
                items += [args, kwargs]
                items += try trailing()
                // The tuple takes over the new references.
                let tuple = PyTuple_New(items.count)!
                for (index, reference) in items.enumerated() { pyshim_TupleSetItem(tuple, index, reference) }
                let request = PythonObject(owning: tuple)
                let (payload, handles) = try RemoteReferences.collectingHandles { () throws(PythonError) -> [UInt8] in
                    try dumps.call(request, 5)
                }
                return EncodedRequest(payload: payload, handles: handles)
            }
        } catch {
            throw WorkerError(
                .notPicklable,
                "an argument of \(description) cannot be pickled: \(error.typeName): \(error.message)",
                pythonTypeName: error.typeName)
        }
    }

    /// `(module, qualname, items)` for a map chunk.
    static func encodeMap<Input: ConvertibleToPython>(module: String, function: String, items: ArraySlice<Input>)
        throws -> [UInt8]
    {
        do {
            return try helper("encode_map").call(module, function, Array(items))
        } catch {
            throw WorkerError(
                .notPicklable,
                "an input of \(module).\(function) cannot be pickled: \(error.typeName): \(error.message)",
                pythonTypeName: error.typeName)
        }
    }

    /// `(search_paths, imports, code)` for the setup request.
    static func encodeSetup(searchPaths: [String], imports: [String], code: String?) throws(PythonError) -> [UInt8] {
        try helper("encode_setup").call(searchPaths, imports, code ?? "")
    }

    /// The payload of an exception report or a setup answer: plain data only, no globals at all.
    static func decodeData(_ payload: [UInt8]) throws(PythonError) -> PythonObject {
        try helper("loads_data").call(payload)
    }

    /// The unpickled payload of a result frame, converted to `Result`. Only plain data, the safe standard value
    /// types and `trusted` (`module.Name`) may be named by the pickle.
    /// - Throws: ``WorkerError`` with code ``WorkerError/Code/untrustedResult`` naming a refused global (nothing
    ///   it names ran), or `PythonError` if the value does not convert to `Result`.
    package static func decodeResult<Result: ConvertibleFromPython>(
        _ payload: [UInt8], call: String, trusted: Set<String>, as type: Result.Type = Result.self
    ) throws -> Result {
        let loaded = Swift.Result { () throws(PythonError) -> PythonObject in
            try helper("loads_result").call(payload, trusted.sorted())
        }
        guard case .success(let object) = loaded else {
            guard case .failure(let error) = loaded, error.message.hasPrefix("refused global ") else {
                return try Result(loaded.get())
            }
            let global = String(error.message.dropFirst("refused global ".count))
            throw WorkerError(
                .untrustedResult,
                "the result of \(call) names \(global), which the host does not unpickle (nothing it names ran); "
                    + "add it to WorkerPoolConfiguration.trustedResultTypes if it is safe to construct",
                pythonTypeName: error.typeName)
        }
        return try Result(object)
    }

    /// The Python exception a worker reported, as a ``WorkerError``.
    static func exception(_ payload: [UInt8], call: String, worker: WorkerID? = nil) -> WorkerError {
        do {
            let (typeName, message, traceback) = try decodeData(payload).tuple(
                of: String.self, String.self, String.self)
            return WorkerError(
                .pythonException, "\(call) raised \(typeName): \(message)", worker: worker, pythonTypeName: typeName,
                traceback: traceback)
        } catch {
            return WorkerError(.protocolViolation, "the exception report of \(call) could not be read: \(error)")
        }
    }
}
