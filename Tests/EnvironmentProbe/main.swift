import PythonRuntime
import PythonWorkers

// A program whose generated bindings recorded a package environment and distribution versions: it checks the
// origin given on the command line the way a generated module's first use does, in a process of its own (this is
// about what happens before and at start-up). Run by PythonRuntimeTests' binding-origin tests.
//
//   EnvironmentProbe <module> <environment name or -> [<distribution>=<version> ...] [--warn] [--pool]
var arguments = Array(CommandLine.arguments.dropFirst())
let warns = arguments.contains("--warn")
let startsPool = arguments.contains("--pool")
arguments.removeAll { $0.hasPrefix("--") }
let module = arguments[0]
let environment = arguments[1] == "-" ? nil : arguments[1]
var distributions: [String: String] = [:]
for pair in arguments.dropFirst(2) {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    distributions[parts[0]] = parts[1]
}

func attempt(_ label: String, _ body: () throws -> String) {
    do {
        print("\(label): ok \(try body())")
    } catch {
        print("\(label): error \(error)")
    }
}

if warns { try Python.start(PythonConfiguration(versionMismatch: .warn)) }
let origin = PythonBindingOrigin(module: module, environment: environment, distributions: distributions)
attempt("check") {
    try origin.check()
    return ""
}
attempt("check again") {
    try origin.check()
    return ""
}
attempt("import") { try String(try Python.import(module).__file__) }
print("activated: \(PythonEnvironments.activated.joined(separator: ","))")
if startsPool {
    do {
        let found: String = try await WorkerPool.withPool(WorkerPoolConfiguration(workerCount: 1)) { pool in
            // The worker's own Python reports the version it imports: the environment's, with no VIRTUAL_ENV.
            try await pool.call("importlib.metadata", "version", module)
        }
        print("pool: ok \(found)")
    } catch {
        print("pool: error \(error)")
    }
}
print("ended normally")
