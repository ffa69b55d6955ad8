extension PoolCore {
    /// Sends one request and waits for its response frame.
    func submit(
        kind: Frame.Kind, payload: [UInt8], name: String, target: WorkerID? = nil, generation: Int? = nil,
        key: String? = nil, timeout: Duration?, timeoutCountsRunningOnly: Bool = false
    ) async throws -> ResponseFrame {
        try Frame.checkRequestSize(payload.count, call: name)
        let id = state.withLock { state -> UInt64 in
            defer { state.nextCallID += 1 }
            state.awaitingRegistration.insert(state.nextCallID)
            return state.nextCallID
        }
        let limit = timeout ?? configuration.callTimeout
        // A map chunk's deadline is set when it starts running (see `startRunning`).
        let deadline = timeoutCountsRunningOnly ? ContinuousClock.now + .seconds(1 << 40) : ContinuousClock.now + limit
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
                    if let target, let generation,
                        let reason = Self.objectLossReason(
                            state, process: ProcessKey(slot: target.slot, generation: generation))
                    {
                        let process = ProcessKey(slot: target.slot, generation: generation)
                        return [
                            .resume(continuation, .failure(Self.objectLost(name, process: process, reason: reason)))
                        ]
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
                        continuation: continuation, generation: generation,
                        runningTimeout: timeoutCountsRunningOnly ? limit : nil)
                    state.queue.append(id)
                    return (timeoutCountsRunningOnly ? [] : Self.armDeadline(deadline, &state))
                        + Self.dispatch(&state, capacity: configuration.callsPerWorker)
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

    /// Fails a call that timed out or was cancelled, and only that call (at most once, never twice):
    /// - still in the host's queue: it is removed;
    /// - sent to a worker but waiting behind another call there (`callsPerWorker` > 1): it is withdrawn, and the
    ///   worker skips it (the call running ahead of it is untouched);
    /// - running: its worker is killed and replaced (the calls queued behind it there are sent again).
    static func abandon(_ state: inout State, id: UInt64, call: Call, error: WorkerError) -> [Effect] {
        state.calls[id] = nil
        var effects: [Effect] = []
        var error = error
        if let number = call.slot, var slot = state.slots[number] {
            error.worker = slot.id
            slot.abandoned.insert(id)
            if slot.inFlight.first == id {
                slot.killedDeliberately = true
                slot.failures += 1
                if let connection = slot.connection { effects.append(.kill(connection)) }
                error.message +=
                    "; \(slot.id) (pid \(slot.pid.map(String.init) ?? "-")) was killed and is being replaced"
            } else {
                if let connection = slot.connection {
                    effects.append(.send(connection, Frame.request(callID: id, kind: .withdraw, payload: [])))
                }
                error.message += " waiting behind another call on \(slot.id); it was withdrawn before it started"
            }
            state.slots[number] = slot
        } else {
            state.queue.removeAll { $0 == id }
        }
        if let continuation = call.continuation { effects.append(.resume(continuation, .failure(error))) }
        return effects
    }

    /// Sends waiting calls to workers with capacity, as the scheduler chooses.
    static func dispatch(_ state: inout State, capacity: Int) -> [Effect] {
        var loads = state.slots.values.filter { $0.status == .ready && $0.connection != nil }.sorted { $0.id < $1.id }
            .map {
                WorkerLoad(
                    id: $0.id, generation: $0.generation, inFlight: $0.inFlight.count, capacity: capacity,
                    completedCalls: $0.calls)
            }
        guard !loads.isEmpty else { return [] }
        var effects: [Effect] = []
        // Releases first: no request sent after them can name a released object.
        for load in loads { effects += flushReleases(&state, slot: load.id.slot) }
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
            if let generation = call.generation, state.slots[chosen.slot]!.generation != generation {
                // Its objects lived in an earlier process of this worker.
                let process = ProcessKey(slot: chosen.slot, generation: generation)
                let reason = objectLossReason(state, process: process) ?? "\(chosen) was restarted since"
                state.calls[id] = nil
                if let continuation = call.continuation {
                    effects.append(
                        .resume(continuation, .failure(objectLost(call.name, process: process, reason: reason))))
                }
                continue
            }
            loads[position].inFlight += 1
            state.calls[id]!.slot = chosen.slot
            state.slots[chosen.slot]!.inFlight.append(id)
            effects.append(
                .send(
                    state.slots[chosen.slot]!.connection!,
                    Frame.request(callID: id, kind: call.kind, payload: call.payload)))
            effects += startRunning(&state, slot: chosen.slot)
        }
        return effects
    }

    /// Starts the deadline of a map chunk that has just become the call its worker runs.
    static func startRunning(_ state: inout State, slot number: Int) -> [Effect] {
        guard let head = state.slots[number]?.inFlight.first, var call = state.calls[head],
            let timeout = call.runningTimeout
        else { return [] }
        call.runningTimeout = nil
        call.deadline = ContinuousClock.now + timeout
        state.calls[head] = call
        return armDeadline(call.deadline, &state)
    }
}
