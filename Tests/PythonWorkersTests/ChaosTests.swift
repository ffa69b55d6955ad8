import Foundation
import Logging
import PythonRuntime
import PythonWorkers
import Synchronization
import Testing

extension PythonWorkersTests {
    /// Workers and their children killed, stopped and continued at random while 64 callers keep calling.
    @Suite("Chaos: random SIGKILL and SIGSTOP of workers and their children")
    struct ChaosTests {
        /// How long the processes are abused (`POOL_CHAOS_SECONDS` overrides the 60 s default).
        static let chaosDuration = Duration.seconds(
            Int(ProcessInfo.processInfo.environment["POOL_CHAOS_SECONDS"] ?? "") ?? 60)

        /// Every process whose process group is `group` (a worker and the children it forked).
        static func processes(inGroup group: Int32) -> [Int32] {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
            return entries.compactMap { entry -> Int32? in
                guard let pid = Int32(entry),
                    let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { return nil }
                // After "pid (comm)": state, ppid, pgrp, …
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                guard fields.count > 2, Int32(fields[2]) == group, fields[0] != "Z" else { return nil }
                return pid
            }
        }

        enum Outcome: Sendable { case value, crashed, timedOut, lost }

        /// Call numbers handed out to the callers, and the worker process groups seen.
        final class Tally: Sendable {
            private let state = Mutex((next: 0, groups: Set<Int32>()))
            func nextIndex() -> Int {
                state.withLock {
                    $0.next += 1; return $0.next
                }
            }
            var issued: Int { state.withLock { $0.next } }
            func saw(_ groups: [Int32]) { state.withLock { $0.groups.formUnion(groups) } }
            var groups: Set<Int32> { state.withLock { $0.groups } }
        }

        /// Makes an object, deposits into it up to three times and reads its balance, while workers die: every
        /// deposit ends once; the balance read is exactly the number of deposits that answered, or the object is
        /// lost (`object-lost`) with its worker — never a wrong value.
        static func objectRound(_ pool: WorkerPool, tally: Tally, directory: String) async -> [Int: Outcome] {
            var outcomes: [Int: Outcome] = [:]
            let account: RemoteObject
            do {
                account = try await pool.makeObject("pool_helpers", "Account", "chaos", 0)
            } catch let error as WorkerError {
                if ![.workerCrashed, .timedOut].contains(error.code) {
                    Issue.record("making an object failed unexpectedly: \(error)")
                }
                return [:]
            } catch {
                Issue.record("making an object failed unexpectedly: \(error)")
                return [:]
            }
            var deposited = 0
            for _ in 0..<Int.random(in: 1...3) {
                let index = tally.nextIndex()
                do {
                    let balance: Int = try await account.call(
                        "chaos_deposit", directory, index, Double.random(in: 0...0.02))
                    deposited += 1
                    #expect(balance == deposited)
                    outcomes[index] = .value
                } catch let error as WorkerError {
                    switch error.code {
                    case .workerCrashed: outcomes[index] = .crashed
                    case .timedOut: outcomes[index] = .timedOut
                    case .objectLost: outcomes[index] = .lost
                    default: Issue.record("deposit \(index) failed unexpectedly: \(error)")
                    }
                } catch {
                    Issue.record("deposit \(index) failed unexpectedly: \(error)")
                }
            }
            do {
                let balance: Int = try await account.attribute("balance")
                #expect(balance == deposited, "a living object has exactly the deposits that answered")
            } catch let error as WorkerError {
                if ![.workerCrashed, .timedOut, .objectLost].contains(error.code) {
                    Issue.record("reading a balance failed unexpectedly: \(error)")
                }
            } catch {
                Issue.record("reading a balance failed unexpectedly: \(error)")
            }
            return outcomes
        }

        @Test func everyCallEndsOnceRunsAtMostOnceAndNoProcessOutlivesThePool() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaos-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var configuration = configuration(
                workers: 2, timeout: .seconds(1),
                intensity: RestartIntensity(maximumRestarts: 100_000, within: .seconds(1)))
            configuration.callsPerWorker = 2
            // Hundreds of restarts are the point here: only errors are logged.
            configuration.logger = Logger(label: "PythonWorkers.chaos")
            configuration.logger.logLevel = .error
            let pool = try WorkerPool(configuration: configuration)
            try await pool.start()

            let tally = Tally()
            let chaosEnd = ContinuousClock.now + Self.chaosDuration
            let outcomes = try await withThrowingTaskGroup(of: [Int: Outcome].self) { group in
                for caller in 0..<64 {
                    group.addTask {
                        var outcomes: [Int: Outcome] = [:]
                        while ContinuousClock.now < chaosEnd {
                            // A quarter of the callers work on objects living in the workers.
                            if caller % 4 == 0 {
                                outcomes.merge(
                                    await Self.objectRound(pool, tally: tally, directory: directory.path)
                                ) { first, _ in first }
                                continue
                            }
                            let index = tally.nextIndex()
                            let seconds = Double.random(in: 0...0.02)
                            let fork = Int.random(in: 0..<8) == 0
                            do {
                                let value: Int = try await pool.call(
                                    "pool_helpers", "chaos_call", directory.path, index, seconds, fork)
                                #expect(value == index)
                                outcomes[index] = .value
                            } catch let error as WorkerError {
                                switch error.code {
                                case .workerCrashed: outcomes[index] = .crashed
                                case .timedOut: outcomes[index] = .timedOut
                                default: Issue.record("call \(index) failed unexpectedly: \(error)")
                                }
                            }
                        }
                        return outcomes
                    }
                }
                // The chaos: every 20–120 ms a worker or one of its children is killed, or stopped for a while.
                group.addTask {
                    var stopped: [(pid: Int32, until: ContinuousClock.Instant)] = []
                    while ContinuousClock.now < chaosEnd {
                        try await Task.sleep(for: .milliseconds(Int.random(in: 20...120)))
                        for entry in stopped where entry.until <= .now { kill(entry.pid, SIGCONT) }
                        stopped.removeAll { $0.until <= .now }
                        let workers = pool.statistics().compactMap(\.pid)
                        tally.saw(workers)
                        let candidates = workers.flatMap { Self.processes(inGroup: $0) }
                        guard let victim = candidates.randomElement() else { continue }
                        if Bool.random() {
                            kill(victim, SIGKILL)
                        } else {
                            kill(victim, SIGSTOP)
                            stopped.append((victim, .now + .milliseconds(Int.random(in: 10...1_500))))
                        }
                    }
                    for entry in stopped { kill(entry.pid, SIGCONT) }
                    return [:]
                }
                var all: [Int: Outcome] = [:]
                for try await part in group {
                    for (index, outcome) in part {
                        #expect(all[index] == nil, "call \(index) ended twice")
                        all[index] = outcome
                    }
                }
                return all
            }
            let issued = tally.issued
            // Every call ended exactly once; none hung (the group returned).
            #expect(outcomes.count == issued)
            // At most once: no call ran twice; every call that returned a value ran exactly once.
            var runs: [Int: Int] = [:]
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let lines = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                runs[Int(file)!] = lines.split(separator: "\n").count
            }
            let ranTwice = runs.filter { $0.value > 1 }.map(\.key).sorted()
            #expect(ranTwice.isEmpty, "calls that ran more than once: \(ranTwice.prefix(10))")
            for (index, outcome) in outcomes where outcome == .value { #expect(runs[index] == 1) }
            let values = outcomes.values.filter { $0 == .value }.count
            let crashed = outcomes.values.filter { $0 == .crashed }.count
            let timedOut = outcomes.values.filter { $0 == .timedOut }.count
            let lost = outcomes.values.filter { $0 == .lost }.count
            print(
                "chaos: \(issued) calls, \(values) values, \(crashed) crashed, \(timedOut) timed out, \(lost) on lost "
                    + "objects; \(tally.groups.count) worker processes; "
                    + "restarts \(pool.statistics().map(\.restarts).reduce(0, +))")
            #expect(values > 0)

            // Liveness, whatever the machine's speed: once the chaos has ended, every call succeeds. The workers
            // restart first (each within its start-up timeout); the calls get a deadline far above what a call
            // takes, so only a hang — not a slow machine — fails them.
            #expect(
                await eventually(within: configuration.startupTimeout) {
                    pool.statistics().allSatisfy { $0.pid != nil }
                })
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<64 {
                    group.addTask {
                        let value: Int = try await pool.call("pool_helpers", "echo", caller, timeout: .seconds(60))
                        #expect(value == caller)
                        let object = try await pool.makeObject(
                            "pool_helpers", "Account", "after", caller, timeout: .seconds(60))
                        let balance: Int = try await object.attribute("balance", timeout: .seconds(60))
                        #expect(balance == caller)
                    }
                }
                try await group.waitForAll()
            }
            tally.saw(pool.statistics().compactMap(\.pid))
            await pool.stop()
            // Each worker led its own process group: no member of any is left (checked by group, so a pid reused
            // by an unrelated process cannot confuse it).
            let groups = tally.groups
            #expect(await eventually(within: .seconds(5)) { groups.allSatisfy { Self.processes(inGroup: $0).isEmpty } })
        }
    }
}
