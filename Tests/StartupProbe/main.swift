import PythonRuntime

// A program whose interpreter cannot start (its virtual environment does not exist), asking for Python five
// ways: each must report the same start-up error, and the program must end normally (no trap, no second
// initialisation). Run by PythonRuntimeTests' start-up test, in its own process.
func attempt(_ label: String, _ body: () throws -> Void) {
    do {
        try body()
        print("\(label): ok")
    } catch {
        print("\(label): \(error)")
    }
}

let missing = PythonConfiguration(virtualEnvironment: "/nonexistent-pybindgen-venv")
attempt("start") { try Python.start(missing) }
attempt("start again") { try Python.start(missing) }
attempt("start another way") { try Python.start(PythonConfiguration(virtualEnvironment: nil)) }
attempt("import") { _ = try Python.import("math") }
attempt("evaluate") { _ = try Python.evaluate("1 + 1") }
print("ended normally")
