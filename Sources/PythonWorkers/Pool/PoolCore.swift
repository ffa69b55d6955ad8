import Logging
import Synchronization

/// The pool's state machine: calls, the queue, workers and their supervision, behind one lock.
///
/// Every transition runs under the lock and returns the side effects it decided on (resume a caller, write a
/// frame, kill or spawn a process); they run after the lock is released, so no continuation, syscall or Python
/// code ever runs with the lock held. Worker I/O threads call in directly: a response resumes its caller without
/// any other hop.
final class PoolCore: Sendable {
    let configuration: WorkerPoolConfiguration
    let launch: WorkerLaunch
    private let state: Mutex<State>

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
        /// Calls failed by a timeout or cancellation while this process ran them: their answers are ignored.
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
        var timerRunning = false
    }

    enum Effect: Sendable {
        case resume(Continuation, Result<ResponseFrame, WorkerError>)
        case send(WorkerConnection, [UInt8])
        case kill(WorkerConnection)
        case closeRequests(WorkerConnection)
        case spawn(slot: Int, generation: Int)
        case finishStart(CheckedContinuation<Void, any Error>, WorkerError?)
        case log(Logger.Level, Logger.Message)
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .resume(let continuation, let result): continuation.resume(with: result.mapError { $0 })
            case .send(let connection, let frame): connection.send(frame)
            case .kill(let connection): connection.kill()
            case .closeRequests(let connection): connection.closeRequests()
            case .spawn(let slot, let generation): spawn(slot: slot, generation: generation)
            case .finishStart(let continuation, let error):
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            case .log(let level, let message): configuration.logger.log(level: level, message)
            }
        }
    }

    private func mutate(_ body: (inout State) -> [Effect]) {
        perform(state.withLock { state in body(&state) })
    }

    // MARK: - Start and stop

    /// Starts the configured workers and waits until each has run its start-up hook.
    func start() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            mutate { state in
                switch state.phase {
                case .created: break
                case .starting, .running: return [.finishStart(continuation, nil)]
                case .stopping, .stopped:
                    return [
                        .finishStart(continuation, WorkerError(.poolStopped, "the pool was stopped; create a new one"))
                    ]
                }
                guard configuration.workerCount >= 1 else {
                    state.phase = .stopped(WorkerError(.invalidArgument, "workerCount must be at least 1"))
                    return [.finishStart(continuation, WorkerError(.invalidArgument, "workerCount must be at least 1"))]
                }
                state.phase = .starting
                state.startWaiter = continuation
                return (0..<configuration.workerCount).map { _ in
                    Self.addSlot(&state, timeout: configuration.startupTimeout)
                }
            }
        }
        startTimer()
    }

    private static func addSlot(_ state: inout State, timeout: Duration) -> Effect {
        let number = state.nextSlot
        state.nextSlot += 1
        var slot = Slot(id: WorkerID(number))
        slot.startupDeadline = .now + timeout
        state.slots[number] = slot
        return .spawn(slot: number, generation: 0)
    }

    /// Lets running calls finish (up to `gracePeriod`), then closes the workers' request pipes so they exit,
    /// killing any that have not exited a second later. Calls still waiting then fail with `pool-stopped`.
    func stop(gracePeriod: Duration) async {
        let proceed = state.withLock { state -> Bool in
            switch state.phase {
            case .stopping, .stopped: return false
            case .created:
                state.phase = .stopped(WorkerError(.poolStopped, "the pool was stopped"))
                return false
            case .starting, .running:
                state.phase = .stopping
                return true
            }
        }
        guard proceed else { return }
        configuration.logger.info("stopping the worker pool", metadata: ["grace": "\(gracePeriod)"])
        let graceEnd = ContinuousClock.now + gracePeriod
        while ContinuousClock.now < graceEnd, state.withLock({ !$0.calls.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let stopped = WorkerError(.poolStopped, "the pool was stopped")
        mutate { state in
            var effects = Self.failAllCalls(&state, with: stopped)
            for number in state.slots.keys {
                state.slots[number]!.status = .retiring
                if let connection = state.slots[number]!.connection { effects.append(.closeRequests(connection)) }
            }
            return effects
        }
        let killAt = ContinuousClock.now + .seconds(1)
        while state.withLock({ !$0.slots.isEmpty }) {
            if ContinuousClock.now >= killAt {
                for connection in state.withLock({ $0.slots.values.compactMap(\.connection) }) { connection.kill() }
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        mutate { state in
            state.phase = .stopped(stopped)
            return [.log(.info, "the worker pool stopped")]
        }
    }

    /// The error calls get once the pool has stopped, or `nil` while it runs.
    var stoppedError: WorkerError? {
        state.withLock { state in
            if case .stopped(let error) = state.phase { return error }
            return nil
        }
    }

    var isCreated: Bool { state.withLock { if case .created = $0.phase { true } else { false } } }

    private static func failAllCalls(_ state: inout State, with error: WorkerError) -> [Effect] {
        var effects: [Effect] = []
        for (id, call) in state.calls.sorted(by: { $0.key < $1.key }) {
            if let continuation = call.continuation { effects.append(.resume(continuation, .failure(error))) }
            if let slot = call.slot { state.slots[slot]?.abandoned.insert(id) }
        }
        state.calls.removeAll()
        state.queue.removeAll()
        return effects
    }

    // MARK: - Calls

    /// Sends one request and waits for its response frame.
    func submit(
        kind: Frame.Kind, payload: [UInt8], name: String, target: WorkerID? = nil, key: String? = nil,
        timeout: Duration?
    ) async throws -> ResponseFrame {
        let id = state.withLock { state -> UInt64 in
            defer { state.nextCallID += 1 }
            state.awaitingRegistration.insert(state.nextCallID)
            return state.nextCallID
        }
        let deadline = ContinuousClock.now + (timeout ?? configuration.callTimeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: Continuation) in
                mutate { state in
                    state.awaitingRegistration.remove(id)
                    if state.earlyCancellations.remove(id) != nil {
                        return [.resume(continuation, .failure(WorkerError(.cancelled, "\(name) was cancelled")))]
                    }
                    switch state.phase {
                    case .stopping:
                        return [
                            .resume(
                                continuation,
                                .failure(WorkerError(.poolStopped, "the pool is stopping; \(name) was not run")))
                        ]
                    case .stopped(let error):
                        return [.resume(continuation, .failure(error))]
                    case .created, .starting, .running: break
                    }
                    if let target, state.slots[target.slot] == nil || state.slots[target.slot]?.status == .retiring {
                        return [
                            .resume(
                                continuation,
                                .failure(WorkerError(.noSuchWorker, "\(target) is not in the pool", worker: target)))
                        ]
                    }
                    state.calls[id] = Call(
                        kind: kind, payload: payload, target: target, key: key, name: name, deadline: deadline,
                        continuation: continuation)
                    state.queue.append(id)
                    return Self.dispatch(&state, capacity: configuration.callsPerWorker)
                }
            }
        } onCancel: {
            cancel(id)
        }
    }

    private func cancel(_ id: UInt64) {
        mutate { state in
            guard let call = state.calls[id] else {
                // Not registered yet: remember it for registration. Already finished: nothing to do.
                if state.awaitingRegistration.contains(id) { state.earlyCancellations.insert(id) }
                return []
            }
            return Self.abandon(
                &state, id: id, call: call, error: WorkerError(.cancelled, "\(call.name) was cancelled"))
        }
    }

    /// Fails a call that timed out or was cancelled; if a worker runs it, that worker is killed and replaced.
    private static func abandon(_ state: inout State, id: UInt64, call: Call, error: WorkerError) -> [Effect] {
        state.calls[id] = nil
        var effects: [Effect] = []
        var error = error
        if let number = call.slot, var slot = state.slots[number] {
            error.worker = slot.id
            slot.abandoned.insert(id)
            slot.killedDeliberately = true
            slot.failures += 1
            if let connection = slot.connection { effects.append(.kill(connection)) }
            state.slots[number] = slot
            error.message += "; \(slot.id) (pid \(slot.pid.map(String.init) ?? "-")) was killed and is being replaced"
        } else {
            state.queue.removeAll { $0 == id }
        }
        if let continuation = call.continuation { effects.append(.resume(continuation, .failure(error))) }
        return effects
    }

    /// Sends waiting calls to workers with capacity, as the scheduler chooses.
    private static func dispatch(_ state: inout State, capacity: Int) -> [Effect] {
        var loads = state.slots.values.filter { $0.status == .ready && $0.connection != nil }.sorted { $0.id < $1.id }
            .map {
                WorkerLoad(
                    id: $0.id, generation: $0.generation, inFlight: $0.inFlight.count, capacity: capacity,
                    completedCalls: $0.calls)
            }
        guard !loads.isEmpty else { return [] }
        var effects: [Effect] = []
        var index = 0
        while index < state.queue.count, loads.contains(where: \.hasCapacity) {
            let id = state.queue[index]
            guard let call = state.calls[id] else {
                state.queue.remove(at: index)
                continue
            }
            let chosen =
                call.target ?? state.scheduler.selectWorker(for: SchedulingRequest(key: call.key), among: loads)
            guard let chosen, let position = loads.firstIndex(where: { $0.id == chosen }), loads[position].hasCapacity
            else {
                index += 1
                continue
            }
            state.queue.remove(at: index)
            loads[position].inFlight += 1
            state.calls[id]!.slot = chosen.slot
            state.slots[chosen.slot]!.inFlight.append(id)
            effects.append(
                .send(
                    state.slots[chosen.slot]!.connection!,
                    Frame.request(callID: id, kind: call.kind, payload: call.payload)))
        }
        return effects
    }

    // MARK: - Worker processes

    private func spawn(slot number: Int, generation: Int) {
        let process: ChildProcess
        do {
            process = try launch.spawn()
        } catch {
            handleExit(slot: number, generation: generation, status: nil, spawnError: error)
            return
        }
        let connection = WorkerConnection(process: process) { [weak self] event in
            self?.handle(event, slot: number, generation: generation)
        }
        let keep = state.withLock { state -> Bool in
            guard var slot = state.slots[number], slot.generation == generation else { return false }
            if case .stopped = state.phase { return false }
            slot.connection = connection
            slot.pid = process.pid
            slot.startedAt = .now
            state.slots[number] = slot
            return true
        }
        guard keep else {
            connection.kill()
            return
        }
        connection.send(Frame.request(callID: 0, kind: .setup, payload: launch.setupPayload))
    }

    private func handle(_ event: WorkerEvent, slot number: Int, generation: Int) {
        switch event {
        case .response(let frame) where frame.callID == 0:
            // The answer to the setup request: decoded (with the GIL) before taking the lock.
            let outcome = launch.checkSetup(frame)
            mutate { state in
                guard var slot = state.slots[number], slot.generation == generation, slot.status == .starting else {
                    return []
                }
                switch outcome {
                case .failure(var error):
                    error.worker = slot.id
                    error.message = "\(slot.id): \(error.message)"
                    slot.startupError = error
                    state.slots[number] = slot
                    return slot.connection.map { [.kill($0)] } ?? []
                case .success:
                    slot.status = .ready
                    slot.startupDeadline = nil
                    state.slots[number] = slot
                    var effects: [Effect] = [.log(.debug, "\(slot.id) started")]
                    if case .starting = state.phase,
                        state.slots.values.allSatisfy({ $0.status != .starting }),
                        let waiter = state.startWaiter
                    {
                        state.phase = .running
                        state.startWaiter = nil
                        effects.append(.finishStart(waiter, nil))
                    }
                    return effects + Self.dispatch(&state, capacity: configuration.callsPerWorker)
                }
            }
        case .response(let frame):
            mutate { state in
                guard var slot = state.slots[number], slot.generation == generation else { return [] }
                if slot.abandoned.remove(frame.callID) != nil {
                    slot.inFlight.removeAll { $0 == frame.callID }
                    state.slots[number] = slot
                    return []
                }
                guard let position = slot.inFlight.firstIndex(of: frame.callID), var call = state.calls[frame.callID]
                else {
                    slot.violation = "it answered call \(frame.callID), which it was not running"
                    state.slots[number] = slot
                    return slot.connection.map { [.kill($0)] } ?? []
                }
                slot.inFlight.remove(at: position)
                slot.calls += 1
                if frame.status != .result { slot.failures += 1 }
                var effects: [Effect] = []
                if slot.status == .retiring, slot.inFlight.isEmpty, let connection = slot.connection {
                    effects.append(.closeRequests(connection))
                }
                state.slots[number] = slot
                state.calls[frame.callID] = nil
                if let continuation = call.continuation {
                    call.continuation = nil
                    effects.append(.resume(continuation, .success(frame)))
                }
                return effects + Self.dispatch(&state, capacity: configuration.callsPerWorker)
            }
        case .output(let stream, let line):
            let pid = state.withLock { state -> Int32 in
                state.slots[number]?.outputBytes += line.utf8.count + 1
                return state.slots[number]?.pid ?? 0
            }
            let output = WorkerOutput(worker: WorkerID(number), pid: pid, stream: stream, line: line)
            if let handler = configuration.outputHandler {
                handler(output)
            } else {
                configuration.logger.log(
                    level: stream == .stdout ? .info : .warning, "\(line)",
                    metadata: ["worker": "\(number)", "pid": "\(pid)", "stream": "\(stream.rawValue)"])
            }
        case .protocolViolation(let detail):
            mutate { state in
                guard state.slots[number]?.generation == generation else { return [] }
                state.slots[number]!.violation = "it sent a malformed frame (\(detail))"
                return []
            }
        case .exited(let status):
            handleExit(slot: number, generation: generation, status: status, spawnError: nil)
        }
    }

    /// Supervision: what a worker's end means for its calls, and whether it is replaced or the pool stops.
    private func handleExit(slot number: Int, generation: Int, status: ExitStatus?, spawnError: WorkerError?) {
        mutate { state in
            guard var slot = state.slots[number], slot.generation == generation else { return [] }
            var effects: [Effect] = []
            let how = spawnError?.message ?? status?.description ?? "ended"
            let name = "\(slot.id) (pid \(slot.pid.map(String.init) ?? "-"))"
            // Calls this process had: the one it was running failed with it; the ones queued behind were never
            // started, so they go back to the front of the queue.
            var requeue: [UInt64] = []
            for (offset, id) in slot.inFlight.enumerated() {
                guard var call = state.calls[id] else { continue }
                call.slot = nil
                if offset == 0 && !slot.killedDeliberately && slot.status != .retiring {
                    state.calls[id] = nil
                    slot.failures += 1
                    let error =
                        slot.violation.map {
                            WorkerError(
                                .protocolViolation,
                                "\(name) \($0) while running \(call.name); it was killed and is being replaced",
                                worker: slot.id)
                        }
                        ?? WorkerError(
                            .workerCrashed, "\(name) \(how) while running \(call.name); it is being restarted",
                            worker: slot.id)
                    if let continuation = call.continuation { effects.append(.resume(continuation, .failure(error))) }
                } else {
                    state.calls[id] = call
                    requeue.append(id)
                }
            }
            state.queue.insert(contentsOf: requeue, at: 0)
            slot.inFlight = []
            slot.abandoned = []
            slot.connection = nil
            slot.pid = nil

            let stopping: Bool
            switch state.phase {
            case .stopping, .stopped: stopping = true
            default: stopping = false
            }
            if stopping || slot.status == .retiring {
                state.slots[number] = nil
                for id in state.queue where state.calls[id]?.target == slot.id {
                    if let continuation = state.calls[id]?.continuation {
                        effects.append(
                            .resume(
                                continuation,
                                .failure(WorkerError(.noSuchWorker, "\(slot.id) left the pool", worker: slot.id))))
                    }
                    state.calls[id] = nil
                }
                return effects + Self.dispatch(&state, capacity: configuration.callsPerWorker)
            }

            let wasStarting = slot.status == .starting
            let startupError =
                slot.startupError
                ?? (wasStarting ? WorkerError(.startupFailed, "\(name) \(how) while starting", worker: slot.id) : nil)
            if case .starting = state.phase, wasStarting, let startupError {
                // The pool cannot start: stop everything and tell the caller of start().
                state.slots[number] = slot
                return effects + Self.stopAll(&state, error: startupError)
            }
            if !slot.killedDeliberately {
                let now = ContinuousClock.now
                state.restartTimes.append(now)
                state.restartTimes.removeAll { now - $0 > configuration.restartIntensity.within }
                if state.restartTimes.count > configuration.restartIntensity.maximumRestarts {
                    let limit = configuration.restartIntensity
                    let error = WorkerError(
                        .restartIntensityExceeded,
                        "\(state.restartTimes.count) worker restarts within \(limit.within) exceed the restart "
                            + "intensity (\(limit.maximumRestarts)); the pool stopped. Last: \(startupError?.message ?? "\(name) \(how)")",
                        worker: slot.id)
                    state.slots[number] = slot
                    return effects + [.log(.error, "\(error.message)")] + Self.stopAll(&state, error: error)
                }
            }
            slot.generation += 1
            slot.status = .starting
            slot.restarts += 1
            slot.killedDeliberately = false
            slot.violation = nil
            slot.startupError = nil
            slot.startupDeadline = .now + configuration.startupTimeout
            state.slots[number] = slot
            effects.append(.log(.warning, "\(name) \(how); restarting it"))
            effects.append(.spawn(slot: number, generation: slot.generation))
            return effects
        }
    }

    /// Stops the pool at once with `error`: every caller gets it, every worker is killed.
    private static func stopAll(_ state: inout State, error: WorkerError) -> [Effect] {
        state.phase = .stopped(error)
        var effects = failAllCalls(&state, with: error)
        for number in state.slots.keys {
            if let connection = state.slots[number]!.connection { effects.append(.kill(connection)) }
        }
        state.slots.removeAll()
        if let waiter = state.startWaiter {
            state.startWaiter = nil
            effects.append(.finishStart(waiter, error))
        }
        return effects
    }

    // MARK: - Deadlines

    private func startTimer() {
        let start = state.withLock { state -> Bool in
            defer { state.timerRunning = true }
            return !state.timerRunning
        }
        guard start else { return }
        Task { [weak self] in
            while let self, self.expireDeadlines() {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Fails calls past their deadline and kills workers that overrun start-up; `false` once the pool stopped.
    private func expireDeadlines() -> Bool {
        var running = true
        mutate { state in
            if case .stopped = state.phase {
                running = false
                state.timerRunning = false
                return []
            }
            let now = ContinuousClock.now
            var effects: [Effect] = []
            for (id, call) in state.calls where call.deadline <= now {
                effects += Self.abandon(
                    &state, id: id, call: call, error: WorkerError(.timedOut, "\(call.name) timed out"))
            }
            for (number, slot) in state.slots {
                if let deadline = slot.startupDeadline, deadline <= now, slot.status == .starting {
                    state.slots[number]!.startupDeadline = nil
                    state.slots[number]!.startupError = WorkerError(
                        .startupFailed, "\(slot.id) did not finish starting within \(configuration.startupTimeout)",
                        worker: slot.id)
                    if let connection = slot.connection { effects.append(.kill(connection)) }
                }
            }
            return effects
        }
        return running
    }

    // MARK: - Control

    func addWorkers(_ count: Int) throws(WorkerError) -> [WorkerID] {
        var added: [WorkerID] = []
        var failure: WorkerError?
        mutate { state in
            switch state.phase {
            case .running, .starting: break
            default:
                failure = WorkerError(.poolStopped, "the pool is not running")
                return []
            }
            return (0..<count).map { _ in
                added.append(WorkerID(state.nextSlot))
                return Self.addSlot(&state, timeout: configuration.startupTimeout)
            }
        }
        if let failure { throw failure }
        return added
    }

    func removeWorker(_ id: WorkerID?) throws(WorkerError) -> WorkerID {
        var result: Result<WorkerID, WorkerError> = .failure(WorkerError(.noSuchWorker, "no worker to remove"))
        mutate { state in
            let active = state.slots.values.filter { $0.status != .retiring }
            guard active.count > 1 else {
                result = .failure(WorkerError(.invalidArgument, "cannot remove the last worker; stop the pool instead"))
                return []
            }
            let chosen =
                id.map { state.slots[$0.slot] }
                ?? active.max {
                    ($0.status == .ready ? 0 : 1, -$0.inFlight.count, $0.id.slot) < (
                        $1.status == .ready ? 0 : 1, -$1.inFlight.count, $1.id.slot
                    )
                }
            guard var slot = chosen, slot.status != .retiring else {
                result = .failure(
                    WorkerError(.noSuchWorker, "\(id.map(String.init(describing:)) ?? "worker") is not in the pool"))
                return []
            }
            slot.status = .retiring
            state.slots[slot.id.slot] = slot
            result = .success(slot.id)
            if slot.inFlight.isEmpty, let connection = slot.connection { return [.closeRequests(connection)] }
            if slot.connection == nil {
                state.slots[slot.id.slot] = nil  // was between processes
            }
            return []
        }
        return try result.get()
    }

    func waitUntilReady(_ ids: [WorkerID], timeout: Duration) async throws(WorkerError) {
        let end = ContinuousClock.now + timeout
        while true {
            let (ready, stopped) = state.withLock { state -> (Bool, WorkerError?) in
                if case .stopped(let error) = state.phase { return (false, error) }
                return (ids.allSatisfy { state.slots[$0.slot]?.status != .starting }, nil)
            }
            if let stopped { throw stopped }
            if ready { return }
            if ContinuousClock.now > end {
                throw WorkerError(.startupFailed, "workers \(ids) did not start within \(timeout)")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    func workerIDs() -> [WorkerID] {
        state.withLock { $0.slots.values.filter { $0.status != .retiring }.map(\.id).sorted() }
    }

    func statistics() -> [WorkerStatistics] {
        let now = ContinuousClock.now
        return state.withLock { state in
            state.slots.values.sorted { $0.id < $1.id }.map {
                WorkerStatistics(
                    id: $0.id, pid: $0.pid, calls: $0.calls, failures: $0.failures, restarts: $0.restarts,
                    uptime: $0.pid == nil ? .zero : now - $0.startedAt, inFlight: $0.inFlight.count,
                    outputBytes: $0.outputBytes)
            }
        }
    }
}
