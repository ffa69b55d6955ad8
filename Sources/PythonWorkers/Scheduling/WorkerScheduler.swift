/// Chooses the worker for each call. The pool asks under its lock, so implementations keep their own state
/// (a cursor, a key table) in `self` and must be quick.
///
/// Return a worker that ``WorkerLoad/hasCapacity`` to send the call now; return a worker without capacity to
/// keep the call waiting for that worker (key affinity does); return `nil` to keep it waiting for any worker.
public protocol WorkerScheduler: Sendable {
    /// Picks a worker for `call` among the pool's running workers (never empty), in slot order.
    mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID?
}

/// What a scheduler knows about a call.
public struct SchedulingRequest: Sendable {
    /// The affinity key the caller gave, if any.
    public var key: String?
}

/// What a scheduler knows about a running worker.
public struct WorkerLoad: Sendable {
    /// The worker.
    public var id: WorkerID
    /// Which process incarnation of the worker this is (changes on every restart).
    public var generation: Int
    /// Calls sent and not yet answered.
    public var inFlight: Int
    /// How many calls the worker may have in flight (``WorkerPoolConfiguration/callsPerWorker``).
    public var capacity: Int
    /// Calls answered so far by this worker.
    public var completedCalls: Int
    /// Whether another call can be sent now.
    public var hasCapacity: Bool { inFlight < capacity }
}

/// Takes workers in turn.
public struct RoundRobinScheduler: WorkerScheduler {
    private var next = 0

    /// Creates the scheduler.
    public init() {}

    public mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID? {
        for offset in 0..<workers.count {
            let candidate = workers[(next + offset) % workers.count]
            if candidate.hasCapacity {
                next = (next + offset + 1) % workers.count
                return candidate.id
            }
        }
        return nil
    }
}

/// Takes the worker with the fewest calls in flight (then the fewest answered, then the lowest slot).
public struct LeastBusyScheduler: WorkerScheduler {
    /// Creates the scheduler.
    public init() {}

    public mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID? {
        workers.filter(\.hasCapacity).min {
            ($0.inFlight, $0.completedCalls, $0.id.slot) < ($1.inFlight, $1.completedCalls, $1.id.slot)
        }?.id
    }
}

/// Takes a random worker among those with capacity.
public struct RandomScheduler: WorkerScheduler {
    /// Creates the scheduler.
    public init() {}

    public mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID? {
        workers.filter(\.hasCapacity).randomElement()?.id
    }
}

/// Sends calls with the same key to the same worker for as long as that worker's process lives (so a worker
/// can keep state for a key); calls without a key go to the least busy worker.
public struct KeyAffinityScheduler: WorkerScheduler {
    private var assignments: [String: (id: WorkerID, generation: Int)] = [:]
    private var fallback = LeastBusyScheduler()

    /// Creates the scheduler.
    public init() {}

    public mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID? {
        guard let key = call.key else { return fallback.selectWorker(for: call, among: workers) }
        if let assigned = assignments[key],
            workers.contains(where: { $0.id == assigned.id && $0.generation == assigned.generation })
        {
            return assigned.id
        }
        // A new key (or its worker died): the worker with the fewest keys, then the least busy.
        var keysPerWorker: [WorkerID: Int] = [:]
        for (id, generation) in assignments.values
        where workers.contains(where: { $0.id == id && $0.generation == generation }) {
            keysPerWorker[id, default: 0] += 1
        }
        guard
            let chosen = workers.min(by: {
                (keysPerWorker[$0.id, default: 0], $0.inFlight, $0.id.slot)
                    < (keysPerWorker[$1.id, default: 0], $1.inFlight, $1.id.slot)
            })
        else { return nil }
        assignments[key] = (chosen.id, chosen.generation)
        return chosen.id
    }
}
