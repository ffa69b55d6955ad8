import Logging

/// How a ``WorkerPool`` starts, supervises and schedules its workers.
public struct WorkerPoolConfiguration: Sendable {
    /// How many worker processes run (at least 1).
    public var workerCount: Int
    /// The Python executable of the workers. `nil` chooses `$VIRTUAL_ENV/bin/python3` when a virtual environment
    /// is active, else the package environment the program's generated bindings activated before the pool started
    /// (`PythonEnvironments.activated`; `try PyX._origin.check()` activates one early), else the interpreter of the
    /// embedded runtime's own installation (not `python3` from `PATH`).
    /// Its major.minor version must match the embedded runtime's, because values travel as pickles.
    public var pythonExecutable: String?
    /// Folders put at the front of every worker's `sys.path`.
    public var searchPaths: [String]
    /// Environment variables set for the workers, on top of the host's environment.
    public var environment: [String: String]
    /// Modules every worker imports when it starts (and restarts), e.g. `["numpy"]`.
    public var startupImports: [String]
    /// Python code every worker runs when it starts (and restarts), after `startupImports`.
    public var startupCode: String?
    /// The timeout of a call that does not give its own (finite by default: a hang becomes an error).
    public var callTimeout: Duration
    /// How long a worker may take to start and run its start-up hook.
    public var startupTimeout: Duration
    /// More restarts than this within the window stops the pool.
    public var restartIntensity: RestartIntensity
    /// Chooses the worker for each call.
    public var scheduler: any WorkerScheduler
    /// How many calls one worker may have in flight; more than 1 pipelines small calls (a worker still runs
    /// one at a time, and calls queued behind a crash are sent again, not lost).
    public var callsPerWorker: Int
    /// Classes and functions (`module.Name`) a result may name besides plain data and the safe standard value
    /// types (`datetime`, `decimal.Decimal`, `fractions.Fraction`, `collections`, `uuid.UUID`, `pathlib`,
    /// `ipaddress`): results are unpickled with a restricted unpickler, so a worker cannot make the host run code.
    /// Add only types whose construction from pickled state is safe, e.g. `"mypackage.Point"`.
    public var trustedResultTypes: Set<String> = []
    /// Receives every line a worker prints. `nil` logs stdout lines at `info` and stderr lines at `warning`
    /// with the worker and pid as metadata.
    public var outputHandler: (@Sendable (WorkerOutput) -> Void)?
    /// Where the pool logs starts, restarts and stops.
    public var logger: Logger

    /// Creates a configuration; every parameter has a default.
    public init(
        workerCount: Int = 2, pythonExecutable: String? = nil, searchPaths: [String] = [],
        environment: [String: String] = [:], startupImports: [String] = [], startupCode: String? = nil,
        callTimeout: Duration = .seconds(5), startupTimeout: Duration = .seconds(30),
        restartIntensity: RestartIntensity = RestartIntensity(maximumRestarts: 5, within: .seconds(10)),
        scheduler: any WorkerScheduler = RoundRobinScheduler(), callsPerWorker: Int = 1,
        outputHandler: (@Sendable (WorkerOutput) -> Void)? = nil,
        logger: Logger = Logger(label: "PythonWorkers")
    ) {
        self.workerCount = workerCount
        self.pythonExecutable = pythonExecutable
        self.searchPaths = searchPaths
        self.environment = environment
        self.startupImports = startupImports
        self.startupCode = startupCode
        self.callTimeout = callTimeout
        self.startupTimeout = startupTimeout
        self.restartIntensity = restartIntensity
        self.scheduler = scheduler
        self.callsPerWorker = callsPerWorker
        self.outputHandler = outputHandler
        self.logger = logger
    }
}

/// OTP's restart intensity: at most `maximumRestarts` worker restarts within `within`.
public struct RestartIntensity: Sendable, Equatable {
    /// Restarts allowed inside the window.
    public var maximumRestarts: Int
    /// The sliding window.
    public var within: Duration

    /// Creates an intensity.
    public init(maximumRestarts: Int, within: Duration) {
        self.maximumRestarts = maximumRestarts
        self.within = within
    }
}
