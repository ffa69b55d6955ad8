import CPython

/// Runs small pieces of Python source in private namespaces. Callers hold the GIL.
enum PythonCode {
    /// Executes `source` as a module body in a fresh namespace and returns that namespace (a `dict`).
    static func namespace(running source: String) throws(PythonError) -> PythonObject {
        let globals = try PythonObject(checkingNew: PyDict_New())
        guard PyDict_SetItemString(globals.pointer, "__builtins__", PyEval_GetBuiltins()) == 0 else {
            throw PythonError.fetch()
        }
        let result = source.withCString { PyRun_String($0, Py_file_input, globals.pointer, globals.pointer) }
        guard let result else { throw PythonError.fetch() }
        pyshim_DecRef(result)
        return globals
    }

    /// Executes `source` and returns the global it defines under `name` (typically a helper function).
    static func definition(_ name: String, in source: String) throws(PythonError) -> PythonObject {
        let namespace = try namespace(running: source)
        guard let value = name.withCString({ PyDict_GetItemString(namespace.pointer, $0) }) else {
            throw PythonError(code: .pythonException, typeName: "NameError", message: "name '\(name)' is not defined")
        }
        return PythonObject(borrowing: value)
    }
}
