import PythonRuntime
import PythonWorkers
import Testing

extension PythonWorkersTests {
    @Suite("Timeouts and cancellation")
    struct TimeoutTests {
        @Test func aCallThatOverrunsItsTimeoutFailsQuicklyAndThePoolGoesOn() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let clock = ContinuousClock()
                let start = clock.now
                let error = await workerError {
                    let _: PythonObject = try await pool.call("time", "sleep", 30.0, timeout: .milliseconds(500))
                }
                let elapsed = clock.now - start
                #expect(error?.code == .timedOut)
                #expect(error?.message.contains("time.sleep timed out") == true)
                #expect(elapsed < .seconds(2))
                let value: Double = try await pool.call("math", "sqrt", 9.0)
                #expect(value == 3)
                #expect(await eventually { pool.statistics().allSatisfy { $0.pid != nil } })
            }
        }

        @Test func aMapChunksDeadlineCountsOnlyItsOwnRunningTime() async throws {
            // One worker, twelve chunks of 0.2 s each, all outstanding at once: the last one waits 2.2 s behind the
            // others, far over its 1.5 s timeout, yet runs well inside it.
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let outputs: [Int] = try await pool.map(
                    "pool_helpers", "sleep_then_negate", Array(1...12), chunkSize: 1, maxChunksInFlight: 12,
                    timeout: .milliseconds(1_500))
                #expect(outputs == (1...12).map { -$0 })
                #expect(pool.statistics().first?.restarts == 0)
            }
        }

        @Test func aMapChunkThatRunsPastItsDeadlineStillTimesOut() async throws {
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let error = await workerError {
                    let _: [Int] = try await pool.map(
                        "pool_helpers", "sleep_then_negate", [1], chunkSize: 1, timeout: .milliseconds(50))
                }
                #expect(error?.code == .timedOut)
            }
        }

        @Test func theDefaultTimeoutIsFinite() async throws {
            try await WorkerPool.withPool(configuration(timeout: .milliseconds(300))) { pool in
                let error = await workerError { let _: PythonObject = try await pool.call("time", "sleep", 30.0) }
                #expect(error?.code == .timedOut)
            }
        }

        @Test func cancellingTheTaskCancelsTheCallAndReplacesTheWorker() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let clock = ContinuousClock()
                let task = Task { () -> WorkerError? in
                    await workerError { let _: PythonObject = try await pool.call("time", "sleep", 30.0) }
                }
                #expect(await eventually { pool.statistics().contains { $0.isBusy } })
                let start = clock.now
                task.cancel()
                let error = await task.value
                #expect(error?.code == .cancelled)
                #expect(clock.now - start < .seconds(2))
                let value: Int = try await pool.call("pool_helpers", "echo", 11)
                #expect(value == 11)
            }
        }

        @Test func cancellingAQueuedCallTouchesNoWorker() async throws {
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                async let busy: String = pool.call("pool_helpers", "echo", "busy", 0.5)
                #expect(await eventually { pool.statistics().contains { $0.isBusy } })
                let queued = Task { await workerError { let _: Int = try await pool.call("pool_helpers", "echo", 1) } }
                try await Task.sleep(for: .milliseconds(50))
                queued.cancel()
                #expect(await queued.value?.code == .cancelled)
                #expect(try await busy == "busy")
                #expect(pool.statistics().first?.restarts == 0)
            }
        }
    }
}
