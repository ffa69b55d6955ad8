import Logging
import PythonRuntime
import PythonWorkers
import ServiceLifecycle
import Testing

extension PythonWorkersTests {
    @Suite("Control: add, remove, restart, stop, statistics, service lifecycle")
    struct ControlTests {
        @Test func addingAndRemovingWorkersUnderLoadLosesNothing() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                let values = try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<2_000 {
                        group.addTask { try await pool.call("pool_helpers", "echo", index, 0.0005) }
                    }
                    let added = try await pool.addWorkers(2)
                    #expect(added.count == 2)
                    try await Task.sleep(for: .milliseconds(50))
                    try await pool.removeWorker()
                    try await pool.removeWorker(added[0])
                    var values: [Int] = []
                    for try await value in group { values.append(value) }
                    return values
                }
                #expect(values.sorted() == Array(0..<2_000))
                #expect(await eventually { pool.workers.count == 2 && pool.statistics().count == 2 })
                let pids: [Int] = try await pool.callOnEveryWorker("os", "getpid")
                #expect(Set(pids).count == 2)
            }
        }

        @Test func removingTheLastWorkerOrAnUnknownOneIsRefused() async throws {
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let last = await workerError { try await pool.removeWorker() }
                #expect(last?.code == .invalidArgument)
                let unknown = await workerError {
                    try await pool.addWorkers(1); try await pool.removeWorker(WorkerID(99))
                }
                #expect(unknown?.code == .noSuchWorker)
            }
        }

        @Test func restartReplacesEveryProcessWithoutFailingCalls() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                let before: [Int] = try await pool.callOnEveryWorker("os", "getpid")
                async let during: [Int] = pool.map("pool_helpers", "echo", Array(0..<200), chunkSize: 1)
                try await pool.restartWorkers()
                #expect(try await during == Array(0..<200))
                #expect(await eventually { pool.statistics().count == 2 })
                let after: [Int] = try await pool.callOnEveryWorker("os", "getpid")
                #expect(Set(after).isDisjoint(with: before))
            }
        }

        @Test func statisticsCountCallsFailuresAndBusyWorkers() async throws {
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                for index in 0..<5 { let _: Int = try await pool.call("pool_helpers", "echo", index) }
                _ = await workerError { let _: Double = try await pool.call("math", "sqrt", -1.0) }
                let statistics = try #require(pool.statistics().first)
                #expect(statistics.calls == 6)
                #expect(statistics.failures == 1)
                #expect(statistics.restarts == 0)
                #expect(!statistics.isBusy)
                #expect(statistics.uptime > .zero)
            }
        }

        @Test func stopFinishesRunningCallsWithinTheGraceAndRefusesNewOnes() async throws {
            let pool = try WorkerPool(configuration: configuration())
            try await pool.start()
            async let running: String = pool.call("pool_helpers", "echo", "finished", 0.3)
            #expect(await eventually { pool.statistics().contains { $0.isBusy } })
            await pool.stop(gracePeriod: .seconds(5))
            #expect(try await running == "finished")
            let refused = await workerError { let _: Int = try await pool.call("pool_helpers", "echo", 1) }
            #expect(refused?.code == .poolStopped)
            #expect(pool.statistics().isEmpty)
        }

        @Test func thePoolRunsAsAServiceUntilGracefulShutdown() async throws {
            let pool = try WorkerPool(configuration: configuration())
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [pool], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let value: Double = try await pool.call("math", "sqrt", 16.0)
                #expect(value == 4)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let afterwards = await workerError { let _: Double = try await pool.call("math", "sqrt", 1.0) }
            #expect(afterwards?.code == .poolStopped)
        }

        @Test func aPoolThatStopsByItselfEndsItsServiceWithTheReason() async throws {
            let pool = try WorkerPool(
                configuration: configuration(
                    workers: 1, intensity: RestartIntensity(maximumRestarts: 1, within: .seconds(60))))
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [pool], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    // The group ends on its own, without a graceful shutdown: the service threw why.
                    let error = await workerError { try await group.run() }
                    #expect(error?.code == .restartIntensityExceeded)
                }
                try await pool.start()
                for _ in 0..<3 {
                    _ = await workerError { let _: Int = try await pool.call("pool_helpers", "exit_now") }
                }
                try await tasks.waitForAll()
            }
        }

        @Test func aServiceReturnsWhenThePoolIsStoppedElsewhere() async throws {
            let pool = try WorkerPool(configuration: configuration())
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await pool.run() }
                let value: Double = try await pool.call("math", "sqrt", 9.0)
                #expect(value == 3)
                await pool.stop()
                try await tasks.waitForAll()
            }
        }
    }
}

extension PythonWorkersTests {
    @Suite("Invalid arguments")
    struct InvalidArgumentTests {
        @Test func zeroWorkersIsRefusedAtStart() async throws {
            let pool = try WorkerPool(configuration: configuration(workers: 0))
            let error = await workerError { try await pool.start() }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("workerCount") == true)
        }

        @Test func callsPerWorkerBelowOneIsRefused() async throws {
            for calls in [0, -3] {
                var settings = configuration()
                settings.callsPerWorker = calls
                let error = await workerError { _ = try WorkerPool(configuration: settings) }
                #expect(error?.code == .invalidArgument)
                #expect(error?.message.contains("callsPerWorker must be at least 1 (got \(calls))") == true)
            }
        }

        @Test func mapRejectsEmptyChunksAndWindows() async throws {
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let chunk = await workerError {
                    let _: [Int] = try await pool.map("operator", "neg", [1], chunkSize: 0)
                }
                #expect(chunk?.code == .invalidArgument)
                let window = await workerError {
                    let _: [Int] = try await pool.map("operator", "neg", [1], maxChunksInFlight: 0)
                }
                #expect(window?.code == .invalidArgument)
                let none: [Int] = try await pool.map("operator", "neg", [Int]())
                #expect(none.isEmpty)
                let added = await workerError { try await pool.addWorkers(0) }
                #expect(added?.code == .invalidArgument)
            }
        }
    }
}
