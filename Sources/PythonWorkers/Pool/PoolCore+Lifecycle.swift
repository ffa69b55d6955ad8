extension PoolCore {
    /// Starts the configured workers and waits until each has run its start-up hook, within
    /// ``WorkerPoolConfiguration/startupTimeout``. A ``stop(gracePeriod:)`` meanwhile ends it with `pool-stopped`.
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
                    let error = WorkerError(.invalidArgument, "workerCount must be at least 1")
                    state.phase = .stopped(error)
                    return [.finishStart(continuation, error)]
                }
                guard configuration.callsPerWorker >= 1 else {
                    let error = WorkerError(.invalidArgument, "callsPerWorker must be at least 1")
                    state.phase = .stopped(error)
                    return [.finishStart(continuation, error)]
                }
                state.phase = .starting
                state.startWaiter = continuation
                return (0..<configuration.workerCount).flatMap { _ in Self.addSlot(&state, configuration) }
            }
        }
    }

    /// A new slot, starting, with its start-up deadline armed.
    static func addSlot(_ state: inout State, _ configuration: WorkerPoolConfiguration) -> [Effect] {
        let number = state.nextSlot
        state.nextSlot += 1
        var slot = Slot(id: WorkerID(number))
        let deadline = ContinuousClock.now + configuration.startupTimeout
        slot.startupDeadline = deadline
        state.slots[number] = slot
        return [.spawn(slot: number, generation: 0)] + armDeadline(deadline, &state)
    }

    /// Ends a pending `start()` successfully once no worker is still starting and at least one is ready.
    static func finishStartIfReady(_ state: inout State) -> [Effect] {
        guard case .starting = state.phase, let waiter = state.startWaiter,
            !state.slots.values.contains(where: { $0.status == .starting }),
            state.slots.values.contains(where: { $0.status == .ready })
        else { return [] }
        state.phase = .running
        state.startWaiter = nil
        return [.finishStart(waiter, nil)]
    }

    /// Lets running calls finish (up to `gracePeriod`), then closes the workers' request pipes so they exit,
    /// killing any that have not exited a second later. Calls still waiting then fail with `pool-stopped`, and so
    /// does a `start()` still waiting for its workers (which are killed at once: they run no calls).
    func stop(gracePeriod: Duration) async {
        let stopped = WorkerError(.poolStopped, "the pool was stopped")
        var proceed = false
        mutate { state in
            switch state.phase {
            case .stopping, .stopped: return []
            case .created:
                state.phase = .stopped(stopped)
                return Self.finishStopWaiters(&state, stopped)
            case .starting, .running:
                state.phase = .stopping
                proceed = true
            }
            var effects: [Effect] = []
            if let waiter = state.startWaiter {
                state.startWaiter = nil
                effects.append(
                    .finishStart(waiter, WorkerError(.poolStopped, "the pool was stopped while it was starting")))
            }
            for (number, slot) in state.slots where slot.status == .starting {
                state.slots[number]!.status = .retiring
                state.slots[number]!.killedDeliberately = true
                if let connection = slot.connection { effects.append(.kill(connection)) }
            }
            return effects
        }
        guard proceed else { return }
        configuration.logger.info("stopping the worker pool", metadata: ["grace": "\(gracePeriod)"])
        let graceEnd = ContinuousClock.now + gracePeriod
        while ContinuousClock.now < graceEnd, state.withLock({ !$0.calls.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(5))
        }
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
            return [.log(.info, "the worker pool stopped")] + Self.finishStopWaiters(&state, stopped)
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

    static func failAllCalls(_ state: inout State, with error: WorkerError) -> [Effect] {
        var effects: [Effect] = []
        for (id, call) in state.calls.sorted(by: { $0.key < $1.key }) {
            if let continuation = call.continuation { effects.append(.resume(continuation, .failure(error))) }
            if let slot = call.slot { state.slots[slot]?.abandoned.insert(id) }
        }
        state.calls.removeAll()
        state.queue.removeAll()
        return effects
    }

    /// Stops the pool at once with `error`: every caller gets it, every worker is killed.
    static func stopAll(_ state: inout State, error: WorkerError) -> [Effect] {
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
        return effects + finishStopWaiters(&state, error)
    }

    static func finishStopWaiters(_ state: inout State, _ error: WorkerError) -> [Effect] {
        defer { state.stopWaiters.removeAll() }
        return state.stopWaiters.map { .finishStopWaiter($0, error) }
    }
}
