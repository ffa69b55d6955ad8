extension PoolCore {
    /// Arms a wake-up at `deadline` unless one at or before it is armed already: the hot path (a call whose
    /// deadline is later than the earliest armed one) costs one comparison and no task.
    static func armDeadline(_ deadline: ContinuousClock.Instant, _ state: inout State) -> [Effect] {
        if let armed = state.timerDeadline, armed <= deadline { return [] }
        state.timerDeadline = deadline
        return [.wakeAt(deadline)]
    }

    /// Sleeps until `deadline`, then expires what is due and arms the next wake-up.
    func wake(at deadline: ContinuousClock.Instant) {
        Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            self?.deadlineReached(deadline)
        }
    }

    /// Fails calls past their deadline, kills workers that overran start-up, and arms the next deadline.
    private func deadlineReached(_ deadline: ContinuousClock.Instant) {
        mutate { state in
            if state.timerDeadline == deadline { state.timerDeadline = nil }
            if case .stopped = state.phase { return [] }
            let now = ContinuousClock.now
            var effects: [Effect] = []
            var next: ContinuousClock.Instant?
            for (id, call) in state.calls {
                if call.deadline <= now {
                    effects += Self.abandon(
                        &state, id: id, call: call, error: WorkerError(.timedOut, "\(call.name) timed out"))
                } else if next == nil || call.deadline < next! {
                    next = call.deadline
                }
            }
            for (number, slot) in state.slots {
                guard let startup = slot.startupDeadline, slot.status == .starting else { continue }
                if startup <= now {
                    state.slots[number]!.startupDeadline = nil
                    state.slots[number]!.startupError = WorkerError(
                        .startupFailed, "\(slot.id) did not finish starting within \(configuration.startupTimeout)",
                        worker: slot.id)
                    if let connection = slot.connection { effects.append(.kill(connection)) }
                } else if next == nil || startup < next! {
                    next = startup
                }
            }
            if let next { effects += Self.armDeadline(next, &state) }
            return effects
        }
    }
}
