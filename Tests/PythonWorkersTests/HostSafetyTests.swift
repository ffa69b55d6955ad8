import Foundation
import PythonRuntime
import PythonWorkers
import Testing

extension PythonWorkersTests {
    /// The host survives what its workers do: slow start-up hooks, stops during start-up, forking workers,
    /// timeouts of pipelined calls, crashes of retiring workers. Calls run at most once.
    @Suite("Host safety: start-up deadlines, exit detection, at-most-once")
    struct HostSafetyTests {
        static func scratchFile(_ name: String) -> URL {
            FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        }

        /// Whether a process with this pid still runs (a zombie waiting for its parent counts as gone).
        static func isRunning(_ pid: Int32) -> Bool {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
                return false
            }
            return !status.contains("State:\tZ")
        }

        @Test func theStartupTimeoutHoldsOnTheFirstStart() async throws {
            var configuration = configuration(workers: 1)
            configuration.startupCode = "import time\ntime.sleep(20)"
            configuration.startupTimeout = .seconds(1)
            let pool = try WorkerPool(configuration: configuration)
            let clock = ContinuousClock()
            let begin = clock.now
            let error = await workerError { try await pool.start() }
            #expect(error?.code == .startupFailed)
            #expect(error?.message.contains("did not finish starting within 1") == true)
            #expect(clock.now - begin < .seconds(5))
            await pool.stop()
        }

        @Test func stoppingDuringStartupEndsStart() async throws {
            var configuration = configuration(workers: 2)
            configuration.startupCode = "import time\ntime.sleep(20)"
            let pool = try WorkerPool(configuration: configuration)
            let starting = Task { await workerError { try await pool.start() } }
            #expect(await eventually { pool.statistics().count == 2 && pool.statistics().allSatisfy { $0.pid != nil } })
            let clock = ContinuousClock()
            let begin = clock.now
            await pool.stop(gracePeriod: .milliseconds(100))
            let error = await starting.value
            #expect(error?.code == .poolStopped)
            #expect(clock.now - begin < .seconds(5))
            #expect(pool.statistics().isEmpty)
        }

        @Test func removingTheOnlyWorkerStillStartingLetsStartFinish() async throws {
            // The first worker to claim the marker starts at once; the other sleeps in its start-up hook.
            let marker = Self.scratchFile("first-start")
            defer { try? FileManager.default.removeItem(at: marker) }
            var configuration = configuration(workers: 2)
            configuration.startupCode = """
                import os, time
                try:
                    os.close(os.open(\(marker.path.debugDescription), os.O_CREAT | os.O_EXCL))
                except FileExistsError:
                    time.sleep(20)
                """
            let pool = try WorkerPool(configuration: configuration)
            let starting = Task { await workerError { try await pool.start() } }
            #expect(await eventually { FileManager.default.fileExists(atPath: marker.path) })
            try await Task.sleep(for: .milliseconds(500))
            // Without an id, removeWorker picks a worker that has not answered its setup yet.
            let clock = ContinuousClock()
            let begin = clock.now
            _ = try await pool.removeWorker()
            let error = await starting.value
            #expect(error == nil)
            #expect(clock.now - begin < .seconds(5))
            #expect(pool.workers.count == 1)
            let value: Int = try await pool.call("pool_helpers", "echo", 5)
            #expect(value == 5)
            await pool.stop()
        }

        @Test func aWorkerThatForksAndDiesIsSeenAsCrashedAtOnce() async throws {
            let pidFile = Self.scratchFile("grandchild")
            defer { try? FileManager.default.removeItem(at: pidFile) }
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let clock = ContinuousClock()
                let begin = clock.now
                let error = await workerError {
                    let _: Int = try await pool.call("pool_helpers", "fork_sleeper_then", pidFile.path, true)
                }
                #expect(error?.code == .workerCrashed)
                #expect(error?.message.contains("exited with status 3") == true)
                #expect(clock.now - begin < .seconds(3))
                // The grandchild went with its worker's process group.
                let grandchild = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8)))
                #expect(await eventually(within: .seconds(3)) { !Self.isRunning(grandchild) })
                let value: Int = try await pool.call("pool_helpers", "echo", 2)
                #expect(value == 2)
            }
        }

        @Test func stoppingThePoolLeavesNoGrandchildBehind() async throws {
            let pidFile = Self.scratchFile("grandchild")
            defer { try? FileManager.default.removeItem(at: pidFile) }
            let pool = try WorkerPool(configuration: configuration(workers: 1))
            try await pool.start()
            let grandchild: Int32 = try await pool.call("pool_helpers", "fork_sleeper_then", pidFile.path, false)
            #expect(Self.isRunning(grandchild))
            let clock = ContinuousClock()
            let begin = clock.now
            await pool.stop()
            #expect(clock.now - begin < .seconds(3))
            #expect(await eventually(within: .seconds(3)) { !Self.isRunning(grandchild) })
        }

        @Test func aQueuedCallsTimeoutNeverTouchesTheCallRunningAheadOfIt() async throws {
            let runs = Self.scratchFile("runs")
            let queuedRuns = Self.scratchFile("queued-runs")
            defer {
                try? FileManager.default.removeItem(at: runs)
                try? FileManager.default.removeItem(at: queuedRuns)
            }
            var configuration = configuration(workers: 1)
            configuration.callsPerWorker = 4
            try await WorkerPool.withPool(configuration) { pool in
                async let running: Int = pool.call("pool_helpers", "append_pid_then_sleep", runs.path, 1.0)
                // The pid line is written (the file exists as soon as it is opened, before its line is flushed).
                #expect(await eventually { (try? String(contentsOf: runs, encoding: .utf8))?.hasSuffix("\n") == true })
                let queued = await workerError {
                    let _: Int = try await pool.call(
                        "pool_helpers", "append_pid_then_sleep", queuedRuns.path, 0.0, timeout: .milliseconds(200))
                }
                #expect(queued?.code == .timedOut)
                #expect(queued?.message.contains("was withdrawn before it started") == true)
                // The running call was not killed, not sent again, and finished.
                let pid = try await running
                let lines = try String(contentsOf: runs, encoding: .utf8).split(separator: "\n")
                #expect(lines == ["\(pid)"])
                #expect(pool.statistics().first?.restarts == 0)
                // The withdrawn call never ran.
                let after: Int = try await pool.call("pool_helpers", "echo", 3)
                #expect(after == 3)
                #expect(!FileManager.default.fileExists(atPath: queuedRuns.path))
            }
        }

        @Test func aRetiringWorkerThatCrashesFailsItsCallWhichNeverRunsAgain() async throws {
            let runs = Self.scratchFile("runs")
            defer { try? FileManager.default.removeItem(at: runs) }
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                let call = Task {
                    await workerError {
                        let _: Int = try await pool.call("pool_helpers", "append_pid_then_sleep", runs.path, 30.0)
                    }
                }
                // The pid line is written (the file exists as soon as it is opened, before its line is flushed).
                #expect(await eventually { (try? String(contentsOf: runs, encoding: .utf8))?.hasSuffix("\n") == true })
                let busy = try #require(pool.statistics().first { $0.isBusy })
                let pid = try #require(busy.pid)
                let removed = try await pool.removeWorker(busy.id)
                #expect(removed == busy.id)
                #expect(kill(pid, SIGKILL) == 0)
                let error = await call.value
                #expect(error?.code == .workerCrashed)
                #expect(error?.message.contains("killed by signal 9") == true)
                try await Task.sleep(for: .milliseconds(300))
                let lines = try String(contentsOf: runs, encoding: .utf8).split(separator: "\n")
                #expect(lines == ["\(pid)"])
                #expect(pool.workers.count == 1)
            }
        }

        @Test func aResultOverTheFrameLimitIsItsOwnClearError() async throws {
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let error = await workerError {
                    let _: PythonObject = try await pool.call("pool_helpers", "huge_result", (1 << 30) + 1)
                }
                #expect(error?.code == .payloadTooLarge)
                #expect(error?.message.contains("1 GiB") == true)
                // Not a crash: the same worker answers the next call.
                #expect(pool.statistics().first?.restarts == 0)
                let value: Int = try await pool.call("pool_helpers", "echo", 4)
                #expect(value == 4)
            }
        }
    }
}
