import PythonRuntime
import PythonWorkers
import Testing

extension PythonWorkersTests {
    @Suite("Schedulers")
    struct SchedulerTests {
        @Test func roundRobinTakesWorkersInTurn() async throws {
            try await WorkerPool.withPool(configuration(workers: 2, scheduler: RoundRobinScheduler())) { pool in
                var pids: [Int] = []
                for _ in 0..<6 { pids.append(try await pool.call("os", "getpid")) }
                #expect(Set(pids).count == 2)
                #expect(zip(pids, pids.dropFirst()).allSatisfy { $0 != $1 })
            }
        }

        @Test func keyAffinitySendsAKeyToOneWorker() async throws {
            try await WorkerPool.withPool(configuration(workers: 2, scheduler: KeyAffinityScheduler())) { pool in
                var pidsByKey: [String: Set<Int>] = [:]
                for round in 0..<5 {
                    for key in ["alice", "bob", "carol", "dave"] {
                        let pid: Int = try await pool.call("pool_helpers", "remember", key, round, key: key)
                        pidsByKey[key, default: []].insert(pid)
                    }
                }
                #expect(pidsByKey.values.allSatisfy { $0.count == 1 })
                #expect(Set(pidsByKey.values.map { $0.first! }).count == 2)  // keys are spread
            }
        }

        @Test func leastBusyAvoidsTheBusyWorker() async throws {
            try await WorkerPool.withPool(configuration(workers: 2, scheduler: LeastBusyScheduler())) { pool in
                async let slow: Int = pool.call("pool_helpers", "echo", 0, 0.5)
                #expect(await eventually { pool.statistics().contains { $0.isBusy } })
                let busyPID = pool.statistics().first { $0.isBusy }?.pid
                for _ in 0..<5 {
                    let pid: Int = try await pool.call("os", "getpid")
                    #expect(Int32(pid) != busyPID)
                }
                #expect(try await slow == 0)
            }
        }

        @Test func randomUsesTheWorkers() async throws {
            try await WorkerPool.withPool(configuration(workers: 2, scheduler: RandomScheduler())) { pool in
                let values: [Int] = try await pool.map("operator", "neg", Array(0..<100), chunkSize: 1)
                #expect(values == (0..<100).map { -$0 })
                #expect(pool.statistics().allSatisfy { $0.calls > 0 })
            }
        }

        /// A scheduler written by a user: always the highest slot with capacity.
        struct LastWorkerScheduler: WorkerScheduler {
            mutating func selectWorker(for call: SchedulingRequest, among workers: [WorkerLoad]) -> WorkerID? {
                workers.last(where: \.hasCapacity)?.id
            }
        }

        @Test func schedulersArePluggable() async throws {
            try await WorkerPool.withPool(configuration(workers: 2, scheduler: LastWorkerScheduler())) { pool in
                for index in 0..<10 { let _: Int = try await pool.call("pool_helpers", "echo", index) }
                let statistics = pool.statistics()
                #expect(statistics.last?.calls == 10)
                #expect(statistics.first?.calls == 0)
            }
        }
    }
}

@Suite("Key affinity remembers a bounded number of keys")
struct KeyAffinityMemoryTests {
    let workers = [WorkerLoad(id: WorkerID(0)), WorkerLoad(id: WorkerID(1))]

    @Test func distinctKeysDoNotGrowTheTableWithoutBound() {
        var scheduler = KeyAffinityScheduler(maximumKeys: 100)
        for index in 0..<10_000 {
            _ = scheduler.selectWorker(for: SchedulingRequest(key: "key \(index)"), among: workers)
        }
        #expect(scheduler.rememberedKeys <= 100)
        // A key in use keeps its worker.
        let hot = scheduler.selectWorker(for: SchedulingRequest(key: "hot"), among: workers)
        for index in 0..<1_000 {
            _ = scheduler.selectWorker(for: SchedulingRequest(key: "cold \(index)"), among: workers)
            #expect(scheduler.selectWorker(for: SchedulingRequest(key: "hot"), among: workers) == hot)
        }
    }

    @Test func keysOfWorkersThatAreGoneAreForgotten() {
        var scheduler = KeyAffinityScheduler()
        for index in 0..<10 { _ = scheduler.selectWorker(for: SchedulingRequest(key: "\(index)"), among: workers) }
        #expect(scheduler.rememberedKeys == 10)
        let restarted = [WorkerLoad(id: WorkerID(0), generation: 1), WorkerLoad(id: WorkerID(1), generation: 1)]
        _ = scheduler.selectWorker(for: SchedulingRequest(key: "new"), among: restarted)
        #expect(scheduler.rememberedKeys == 1, "keys of the old incarnations were dropped")
    }
}
