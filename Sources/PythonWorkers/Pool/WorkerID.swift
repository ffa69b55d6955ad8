/// A worker's place in a pool. A restarted worker keeps its identifier and gets a new process.
public struct WorkerID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The slot number, unique within a pool, in order of creation.
    public let slot: Int

    /// Identifies the worker in slot `slot`.
    public init(_ slot: Int) {
        self.slot = slot
    }

    public static func < (lhs: WorkerID, rhs: WorkerID) -> Bool { lhs.slot < rhs.slot }

    public var description: String { "worker \(slot)" }
}

/// One worker's counters, as ``WorkerPool/statistics()`` reports them.
public struct WorkerStatistics: Sendable, CustomStringConvertible {
    /// The worker.
    public var id: WorkerID
    /// The current process, or `nil` while it is (re)starting.
    public var pid: Int32?
    /// Calls answered (results and Python exceptions), map chunks counted once.
    public var calls: Int
    /// Calls that failed: Python exceptions, crashes, timeouts, cancellations.
    public var failures: Int
    /// How many times this worker's process was replaced.
    public var restarts: Int
    /// How long the current process has been running.
    public var uptime: Duration
    /// Calls sent to the worker and not answered yet.
    public var inFlight: Int
    /// Whether the worker is running a call.
    public var isBusy: Bool { inFlight > 0 }
    /// Bytes the worker's Python code wrote to stdout and stderr.
    public var outputBytes: Int
    /// Objects in the worker's object table that ``RemoteObject`` handles refer to.
    public var liveObjects: Int = 0

    public var description: String {
        "\(id): pid \(pid.map(String.init) ?? "-"), \(calls) calls, \(failures) failures, \(restarts) restarts, "
            + "\(liveObjects) objects, \(isBusy ? "busy" : "idle")"
    }
}

/// A line a worker's Python code printed.
public struct WorkerOutput: Sendable {
    /// Which stream it was written to.
    public enum Stream: String, Sendable {
        case stdout, stderr
    }

    /// The worker that printed it.
    public var worker: WorkerID
    /// The worker's process.
    public var pid: Int32
    /// stdout or stderr.
    public var stream: Stream
    /// The line, without its newline (invalid UTF-8 repaired).
    public var line: String
}
