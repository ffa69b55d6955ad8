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

    /// A request (schedulers can be tested with made-up requests).
    public init(key: String? = nil) {
        self.key = key
    }
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

    /// A load (schedulers can be tested with made-up loads).
    public init(id: WorkerID, generation: Int = 0, inFlight: Int = 0, capacity: Int = 1, completedCalls: Int = 0) {
        self.id = id
        self.generation = generation
        self.inFlight = inFlight
        self.capacity = capacity
        self.completedCalls = completedCalls
    }
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
    private var assignments: [String: (id: WorkerID, generation: Int, lastUse: UInt64)] = [:]
    private var uses: UInt64 = 0
    private var fallback = LeastBusyScheduler()
    /// The most keys remembered; past it the least recently used are forgotten (they are assigned afresh if they
    /// come back), so a stream of distinct keys does not grow the table without bound.
    public let maximumKeys: Int

    /// Creates the scheduler.
    /// - Parameter maximumKeys: How many keys to remember (at least 1).
    public init(maximumKeys: Int = 10_000) {
        self.maximumKeys = Swift.max(1, maximumKeys)
    }

    /// How many keys are remembered now.
    public var rememberedKeys: Int { assignments.count }

    public mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID? {
        guard let key = call.key else { return fallback.selectWorker(for: call, among: workers) }
        uses += 1
        if let assigned = assignments[key],
            workers.contains(where: { $0.id == assigned.id && $0.generation == assigned.generation })
        {
            assignments[key]?.lastUse = uses
            return assigned.id
        }
        // A new key (or its worker died): forget keys of workers that are gone, then give it to the worker
        // with the fewest keys, then the least busy.
        let alive = Dictionary(workers.map { ($0.id, $0.generation) }, uniquingKeysWith: { first, _ in first })
        assignments = assignments.filter { alive[$0.value.id] == $0.value.generation }
        var keysPerWorker: [WorkerID: Int] = [:]
        for assignment in assignments.values { keysPerWorker[assignment.id, default: 0] += 1 }
        guard
            let chosen = workers.min(by: {
                (keysPerWorker[$0.id, default: 0], $0.inFlight, $0.id.slot)
                    < (keysPerWorker[$1.id, default: 0], $1.inFlight, $1.id.slot)
            })
        else { return nil }
        if assignments.count >= maximumKeys {
            // Forget the least recently used tenth (at least one) in one pass.
            let excess = assignments.count - maximumKeys + Swift.max(1, maximumKeys / 10)
            let oldest = assignments.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(excess).map(\.key)
            for old in oldest { assignments[old] = nil }
        }
        assignments[key] = (chosen.id, chosen.generation, uses)
        return chosen.id
    }
}
