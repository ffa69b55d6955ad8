extension PoolCore {
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
            return (0..<count).flatMap { _ in
                added.append(WorkerID(state.nextSlot))
                return Self.addSlot(&state, configuration)
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
            let wasStarting = slot.status == .starting
            slot.status = .retiring
            result = .success(slot.id)
            var effects: [Effect] = []
            if slot.connection == nil {
                state.slots[slot.id.slot] = nil  // was between processes
            } else if wasStarting {
                // Runs no call yet: killed at once rather than waiting for its start-up hook.
                slot.killedDeliberately = true
                effects.append(.kill(slot.connection!))
                state.slots[slot.id.slot] = slot
            } else {
                if slot.inFlight.isEmpty { effects.append(.closeRequests(slot.connection!)) }
                state.slots[slot.id.slot] = slot
            }
            return effects + Self.finishStartIfReady(&state)
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
                    outputBytes: $0.outputBytes, liveObjects: $0.liveObjects)
            }
        }
    }
}
