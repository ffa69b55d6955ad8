import Logging

extension PoolCore {
    func spawn(slot number: Int, generation: Int) {
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
                    let effects: [Effect] = [.log(.debug, "\(slot.id) started")]
                    return effects + Self.finishStartIfReady(&state)
                        + Self.dispatch(&state, capacity: configuration.callsPerWorker)
                }
            }
        case .response(let frame):
            mutate { state in
                guard var slot = state.slots[number], slot.generation == generation else { return [] }
                if slot.abandoned.remove(frame.callID) != nil {
                    // A call failed by a timeout or cancellation: its result, or the worker's note that it was
                    // withdrawn unstarted. Either way it frees its place. An object it made has no handle.
                    slot.inFlight.removeAll { $0 == frame.callID }
                    if let handle = frame.handle { slot.pendingReleases.append(handle.objectID) }
                    var effects: [Effect] = []
                    if slot.status == .retiring, slot.inFlight.isEmpty, let connection = slot.connection {
                        effects.append(.closeRequests(connection))
                    }
                    state.slots[number] = slot
                    effects += Self.startRunning(&state, slot: number)
                    if slot.inFlight.isEmpty { effects += Self.flushReleases(&state, slot: number) }
                    return effects + Self.dispatch(&state, capacity: configuration.callsPerWorker)
                }
                guard frame.status != .withdrawn, let position = slot.inFlight.firstIndex(of: frame.callID),
                    var call = state.calls[frame.callID]
                else {
                    slot.violation = "it answered call \(frame.callID), which it was not running"
                    state.slots[number] = slot
                    return slot.connection.map { [.kill($0)] } ?? []
                }
                slot.inFlight.remove(at: position)
                slot.calls += 1
                if frame.status == .handle { slot.liveObjects += 1 }
                if frame.status != .result, frame.status != .handle { slot.failures += 1 }
                var effects: [Effect] = []
                if slot.status == .retiring, slot.inFlight.isEmpty, let connection = slot.connection {
                    effects.append(.closeRequests(connection))
                }
                state.slots[number] = slot
                state.calls[frame.callID] = nil
                if let continuation = call.continuation {
                    call.continuation = nil
                    var answered = frame
                    answered.worker = slot.id
                    answered.generation = generation
                    effects.append(.resume(continuation, .success(answered)))
                }
                effects += Self.startRunning(&state, slot: number)
                if slot.inFlight.isEmpty { effects += Self.flushReleases(&state, slot: number) }
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
            // Calls this process had: the first was running (or about to) and fails with it, whatever the
            // worker's status — at most once, never sent again; the ones queued behind it were never started, so
            // they go back to the front of the queue. (A call failed by a timeout or cancellation is gone already.)
            var requeue: [UInt64] = []
            let process = ProcessKey(slot: number, generation: generation)
            let lossReason = "\(name) \(slot.status == .retiring ? "left the pool" : how)"
            state.endedProcesses[process] = lossReason
            for (offset, id) in slot.inFlight.enumerated() {
                guard var call = state.calls[id] else { continue }
                call.slot = nil
                if offset > 0, call.generation != nil {
                    // Queued behind the crash, on objects of this process: never run, and never elsewhere.
                    state.calls[id] = nil
                    if let continuation = call.continuation {
                        let error = Self.objectLost(call.name, process: process, reason: lossReason)
                        effects.append(.resume(continuation, .failure(error)))
                    }
                    continue
                }
                if offset == 0 {
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
            // Calls waiting in the host for objects of this process: they can never run.
            state.queue.removeAll { id in
                guard let call = state.calls[id], call.generation == generation, call.target?.slot == number else {
                    return false
                }
                state.calls[id] = nil
                if let continuation = call.continuation {
                    let error = Self.objectLost(call.name, process: process, reason: lossReason)
                    effects.append(.resume(continuation, .failure(error)))
                }
                return true
            }
            slot.inFlight = []
            slot.abandoned = []
            slot.liveObjects = 0
            slot.pendingReleases = []
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
                return effects + Self.finishStartIfReady(&state)
                    + Self.dispatch(&state, capacity: configuration.callsPerWorker)
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
            let deadline = ContinuousClock.now + configuration.startupTimeout
            slot.startupDeadline = deadline
            state.slots[number] = slot
            effects.append(.log(.warning, "\(name) \(how); restarting it"))
            effects.append(.spawn(slot: number, generation: slot.generation))
            return effects + Self.armDeadline(deadline, &state)
        }
    }
}
