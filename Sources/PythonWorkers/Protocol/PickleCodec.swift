import CPython
import PythonRuntime

/// Turns calls into request payloads and response payloads into values, with the embedded interpreter's
/// `pickle` (so results convert exactly like local calls). Every method takes the GIL itself.
enum PickleCodec {
    /// Small helpers compiled once in the embedded interpreter.
    private static let helpers = Result { () throws(PythonError) -> PythonObject in
        try Python.run(
            """
            import pickle

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
    private static let loads = PythonCallableReference(module: "pickle", "loads")

    /// `(module, qualname, args, kwargs or None)` for a call request, built with the C API (this is on the path of
    /// every call).
    static func encodeCall(module: String, function: String, arguments: PythonArguments) throws -> [UInt8] {
        let values = arguments.positionalArguments + arguments.keywordArguments.map(\.value)
        if let index = values.firstIndex(where: \.isSwiftClosure) {
            throw WorkerError(
                .notPicklable,
                "argument \(index + 1) of \(module).\(function) is a Swift closure: it lives in this process and "
                    + "cannot be sent to a worker; call a Python function by name instead",
                pythonTypeName: "TypeError")
        }
        do {
            return try Python.withGIL { () throws(PythonError) -> [UInt8] in
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
                let moduleName = try module.pythonReference()
                let functionName = try function.pythonReference()
                // The tuple takes over the four new references.
                let tuple = PyTuple_New(4)!
                for (index, reference) in [moduleName, functionName, args, kwargs].enumerated() {
                    pyshim_TupleSetItem(tuple, index, reference)
                }
                return try dumps.call(PythonObject(owning: tuple), 5)
            }
        } catch {
            throw WorkerError(
                .notPicklable,
                "an argument of \(module).\(function) cannot be pickled: \(error.typeName): \(error.message)",
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

    /// The unpickled payload of a result frame.
    static func decode(_ payload: [UInt8]) throws(PythonError) -> PythonObject {
        try loads.call(payload)
    }

    /// The unpickled payload of a result frame, converted straight to `Result`.
    static func decode<Result: ConvertibleFromPython>(_ payload: [UInt8], as type: Result.Type = Result.self)
        throws(PythonError) -> Result
    {
        try loads.call(payload)
    }

    /// The Python exception a worker reported, as a ``WorkerError``.
    static func exception(_ payload: [UInt8], call: String, worker: WorkerID? = nil) -> WorkerError {
        do {
            let (typeName, message, traceback) = try decode(payload).tuple(of: String.self, String.self, String.self)
            return WorkerError(
                .pythonException, "\(call) raised \(typeName): \(message)", worker: worker, pythonTypeName: typeName,
                traceback: traceback)
        } catch {
            return WorkerError(.protocolViolation, "the exception report of \(call) could not be read: \(error)")
        }
    }
}
