import Logging
import Synchronization

/// The pool's state machine: calls, the queue, workers and their supervision, behind one lock.
///
/// Its transitions live in extensions by concern: start and stop (`PoolCore+Lifecycle`), calls and dispatch
/// (`+Calls`), worker processes and their exits (`+Supervision`), deadlines (`+Deadlines`) and control
/// (`+Control`).
///
/// Every transition runs under the lock and returns the side effects it decided on (resume a caller, write a
/// frame, kill or spawn a process); they run after the lock is released, so no continuation, syscall or Python
/// code ever runs with the lock held. Worker I/O threads call in directly: a response resumes its caller without
/// any other hop.
final class PoolCore: Sendable {
    let configuration: WorkerPoolConfiguration
    let launch: WorkerLaunch
    let state: Mutex<State>

    init(configuration: WorkerPoolConfiguration, launch: WorkerLaunch) {
        self.configuration = configuration
        self.launch = launch
        self.state = Mutex(State(scheduler: configuration.scheduler))
    }

    deinit {
        let connections = state.withLock { $0.slots.values.compactMap(\.connection) }
        for connection in connections { connection.kill() }
    }

    // MARK: - State

    typealias Continuation = CheckedContinuation<ResponseFrame, any Error>

    enum Phase: Sendable {
        case created, starting, running, stopping
        case stopped(WorkerError)
    }

    enum SlotStatus: Sendable { case starting, ready, retiring }

    struct Slot: Sendable {
        let id: WorkerID
        var generation = 0
        var status = SlotStatus.starting
        var connection: WorkerConnection?
        var pid: Int32?
        var inFlight: [UInt64] = []
        /// Calls failed by a timeout or cancellation after they were sent to this process: their answers (a
        /// result, or `withdrawn` for those it had not started) are ignored.
        var abandoned: Set<UInt64> = []
        /// The current process was killed on purpose (timeout, cancellation): not a crash.
        var killedDeliberately = false
        var violation: String?
        var startupDeadline: ContinuousClock.Instant?
        var startupError: WorkerError?
        var startedAt = ContinuousClock.now
        var calls = 0
        var failures = 0
        var restarts = 0
        var outputBytes = 0
        /// Objects in this process's table that Swift handles refer to.
        var liveObjects = 0
        /// Objects whose last handle went, not yet sent to the worker (sent in one frame with the next dispatch or
        /// answer, or at once when the worker is idle).
        var pendingReleases: [UInt64] = []
    }

    /// One process of a worker slot: objects live in exactly one.
    struct ProcessKey: Hashable, Sendable {
        var slot: Int
        var generation: Int
    }

    struct Call: Sendable {
        var kind: Frame.Kind
        var payload: [UInt8]
        var target: WorkerID?
        var key: String?
        var name: String
        var deadline: ContinuousClock.Instant
        var continuation: Continuation?
        var slot: Int?
        /// For calls on objects: the worker process that holds them (`target` names its slot). The call never
        /// runs in another process of that slot.
        var generation: Int?
        /// For map chunks: the deadline counts from the moment the chunk starts running in its worker (not
        /// while it waits in the host or behind another chunk); `deadline` is far away until then.
        var runningTimeout: Duration?
    }

    struct State: Sendable {
        var phase = Phase.created
        var slots: [Int: Slot] = [:]
        var nextSlot = 0
        var calls: [UInt64: Call] = [:]
        var queue: [UInt64] = []
        var nextCallID: UInt64 = 1
        var scheduler: any WorkerScheduler
        var restartTimes: [ContinuousClock.Instant] = []
        var earlyCancellations: Set<UInt64> = []
        /// Calls given an id but not yet registered: only their cancellations are kept as early ones (a
        /// cancellation that arrives after a call finished is dropped, so the set stays small).
        var awaitingRegistration: Set<UInt64> = []
        var startWaiter: CheckedContinuation<Void, any Error>?
        /// The earliest instant a deadline task is sleeping until (`nil`: none is armed).
        var timerDeadline: ContinuousClock.Instant?
        /// Why each ended worker process ended (its objects are lost): "worker 1 (pid 42) exited with status 1".
        var endedProcesses: [ProcessKey: String] = [:]
        /// Callers of `waitUntilStopped()`.
        var stopWaiters: [CheckedContinuation<WorkerError, Never>] = []
    }

    enum Effect: Sendable {
        case resume(Continuation, Result<ResponseFrame, WorkerError>)
        case send(WorkerConnection, [UInt8])
        /// A release batch: queued while the state is locked (see ``mutate(_:)``).
        case sendReleases(WorkerConnection, [UInt8])
        case kill(WorkerConnection)
        case closeRequests(WorkerConnection)
        case spawn(slot: Int, generation: Int)
        case finishStart(CheckedContinuation<Void, any Error>, WorkerError?)
        case wakeAt(ContinuousClock.Instant)
        case finishStopWaiter(CheckedContinuation<WorkerError, Never>, WorkerError)
        case log(Logger.Level, Logger.Message)
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .resume(let continuation, let result): continuation.resume(with: result.mapError { $0 })
            case .send(let connection, let frame), .sendReleases(let connection, let frame): connection.send(frame)
            case .kill(let connection): connection.kill()
            case .closeRequests(let connection): connection.closeRequests()
            case .spawn(let slot, let generation): spawn(slot: slot, generation: generation)
            case .finishStart(let continuation, let error):
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            case .wakeAt(let deadline): wake(at: deadline)
            case .finishStopWaiter(let waiter, let error): waiter.resume(returning: error)
            case .log(let level, let message): configuration.logger.log(level: level, message)
            }
        }
    }

    /// Changes the state and performs what the change requires, after unlocking.
    ///
    /// Release batches are the exception: they are queued on their connection while the state is still locked
    /// (queuing never blocks), so a release decided by one change reaches the worker before any request a later
    /// change dispatches on another thread (a call reading the worker's object table sees the release). Requests
    /// are written after unlocking, so concurrent callers do not wait on each other's writes; a request never
    /// names an object whose release could overtake it (the handles a call names stay alive until it is answered).
    func mutate(_ body: (inout State) -> [Effect]) {
        let unlocked = state.withLock { state -> [Effect] in
            var unlocked: [Effect] = []
            for effect in body(&state) {
                if case .sendReleases(let connection, let frame) = effect {
                    connection.send(frame)
                } else {
                    unlocked.append(effect)
                }
            }
            return unlocked
        }
        perform(unlocked)
    }
}
