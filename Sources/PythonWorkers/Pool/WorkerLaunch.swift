import Foundation
import PythonRuntime

/// How to start one worker process and check that it is usable: the interpreter, the worker script shipped
/// as a resource, the environment and the setup request (search paths and start-up hook).
struct WorkerLaunch: Sendable {
    let executable: String
    let script: String
    let environment: [String]
    let setupPayload: [UInt8]
    /// `major.minor` of the embedded runtime; workers must match it because values travel as pickles.
    let expectedVersion: String
    /// Whether workers get more than one call at a time (`callsPerWorker` > 1): they then read ahead and honour
    /// withdrawals of calls they have not started.
    let pipelined: Bool

    init(_ configuration: WorkerPoolConfiguration) throws {
        let versions = try Python.versions()
        pipelined = configuration.callsPerWorker > 1
        expectedVersion = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let environment = ProcessInfo.processInfo.environment
        if let executable = configuration.pythonExecutable {
            self.executable = executable
        } else if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty,
            FileManager.default.isExecutableFile(atPath: venv + "/bin/python3")
        {
            self.executable = venv + "/bin/python3"
        } else if let bound = PythonEnvironments.activated.first,
            FileManager.default.isExecutableFile(atPath: bound + "/bin/python3")
        {
            // The environment generated bindings of this program activated (their pybindgen.json requirements).
            self.executable = bound + "/bin/python3"
        } else {
            self.executable = versions.executable
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw WorkerError(
                .startupFailed, "the worker interpreter \(executable) does not exist or is not executable")
        }
        guard let script = Bundle.module.path(forResource: "worker", ofType: "py") else {
            throw WorkerError(
                .startupFailed, "the worker script (worker.py) is missing from the PythonWorkers resources")
        }
        self.script = script
        var merged = environment.merging(configuration.environment) { $1 }
        merged["PYTHONUNBUFFERED"] = "1"
        self.environment = merged.map { "\($0.key)=\($0.value)" }.sorted()
        setupPayload = try PickleCodec.encodeSetup(
            searchPaths: configuration.searchPaths, imports: configuration.startupImports,
            code: configuration.startupCode)
    }

    func spawn() throws(WorkerError) -> ChildProcess {
        try ChildProcess.spawn(
            executable: executable, arguments: ["-u", script, "3", "4"] + (pipelined ? ["pipelined"] : []),
            environment: environment)
    }

    /// Reads the setup answer `(pid, version, executable)` and checks the version.
    func checkSetup(_ frame: ResponseFrame) -> Result<Void, WorkerError> {
        if frame.status == .exception {
            var error = PickleCodec.exception(frame.payload, call: "the start-up hook")
            error.code = .startupFailed
            return .failure(error)
        }
        do {
            let (_, version, _) = try PickleCodec.decodeData(frame.payload).tuple(
                of: PythonObject.self, [Int].self, String.self)
            let workerVersion = version.prefix(2).map(String.init).joined(separator: ".")
            guard workerVersion == expectedVersion else {
                return .failure(
                    WorkerError(
                        .startupFailed,
                        "the worker interpreter \(executable) is Python \(workerVersion), but the embedded runtime is "
                            + "Python \(expectedVersion); values travel as pickles, so they must match"))
            }
            return .success(())
        } catch {
            return .failure(WorkerError(.protocolViolation, "the worker's setup answer could not be read: \(error)"))
        }
    }
}
