extension PoolCore {
    /// The last handle of `objectID` went: the worker is told (batched with other releases) unless its process
    /// has ended already, taking its table with it.
    func releaseObject(_ objectID: UInt64, slot number: Int, generation: Int) {
        mutate { state in
            guard var slot = state.slots[number], slot.generation == generation, slot.connection != nil else {
                return []
            }
            slot.liveObjects -= 1
            slot.pendingReleases.append(objectID)
            state.slots[number] = slot
            // A busy worker gets its releases with the next request or answer; an idle one now.
            return slot.inFlight.isEmpty ? Self.flushReleases(&state, slot: number) : []
        }
    }

    /// The release frame of every object of `slot` whose handles are gone.
    static func flushReleases(_ state: inout State, slot number: Int) -> [Effect] {
        guard var slot = state.slots[number], !slot.pendingReleases.isEmpty, let connection = slot.connection else {
            return []
        }
        let frame = Frame.release(slot.pendingReleases)
        slot.pendingReleases.removeAll(keepingCapacity: true)
        state.slots[number] = slot
        return [.sendReleases(connection, frame)]
    }

    /// Why calls on objects of `process` cannot run, or `nil` while it runs (or is the one starting).
    static func objectLossReason(_ state: State, process: ProcessKey) -> String? {
        if let reason = state.endedProcesses[process] { return reason }
        guard let slot = state.slots[process.slot] else { return "worker \(process.slot) left the pool" }
        if slot.status == .retiring { return "\(slot.id) is leaving the pool" }
        if slot.generation != process.generation { return "\(slot.id) was restarted since" }
        return nil
    }

    /// The error of a call on objects that live in an ended process.
    static func objectLost(_ name: String, process: ProcessKey, reason: String) -> WorkerError {
        WorkerError(
            .objectLost,
            "\(name) needs an object that lived in worker \(process.slot), which is gone: \(reason). "
                + "Objects die with their worker and are never re-created; make the object again",
            worker: WorkerID(process.slot))
    }

    /// Waits until the pool has stopped, by ``stop(gracePeriod:)`` or by itself, and returns why.
    func waitUntilStopped() async -> WorkerError {
        await withCheckedContinuation { (waiter: CheckedContinuation<WorkerError, Never>) in
            mutate { state in
                if case .stopped(let error) = state.phase { return [.finishStopWaiter(waiter, error)] }
                state.stopWaiters.append(waiter)
                return []
            }
        }
    }
}
