import PythonRuntime

/// Turns calls into request payloads and response payloads into values, with the embedded interpreter's
/// `pickle` (so results convert exactly like local calls). Every method takes the GIL itself.
enum PickleCodec {
    /// Small helpers compiled once in the embedded interpreter.
    private static let helpers = Result { () throws(PythonError) -> PythonObject in
        try Python.run(
            """
            import pickle

            def encode_call(module, qualname, args, names, values):
                return pickle.dumps((module, qualname, tuple(args), dict(zip(names, values))), 5)

            def encode_map(module, qualname, items):
                return pickle.dumps((module, qualname, items), 5)

            def encode_setup(search_paths, imports, code):
                return pickle.dumps((search_paths, imports, code), 5)

            def decode(payload):
                return pickle.loads(payload)
            """)
    }

    private static func helper(_ name: String) throws(PythonError) -> PythonObject {
        try helpers.get()[name]
    }

    /// `(module, qualname, args, kwargs)` for a call request.
    static func encodeCall(module: String, function: String, arguments: PythonArguments) throws -> [UInt8] {
        do {
            let keywords = arguments.keywordArguments
            return try helper("encode_call").call(
                module, function, arguments.positionalArguments, keywords.map(\.name), keywords.map(\.value))
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
        try helper("decode").call(payload)
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
