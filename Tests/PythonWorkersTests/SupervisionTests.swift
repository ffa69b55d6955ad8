import Foundation
import PythonRuntime
import PythonWorkers
import Synchronization
import Testing

extension PythonWorkersTests {
    @Suite("Supervision: crashes, restarts, restart intensity, bad workers")
    struct SupervisionTests {
        @Test func sigkillMidCallFailsOnlyThatCallWhileAThousandOthersComplete() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("victim-\(UUID()).pid")
                defer { try? FileManager.default.removeItem(at: pidFile) }
                let pidsBefore = Set(pool.statistics().compactMap(\.pid))
                let outcomes = try await withThrowingTaskGroup(of: (Int, Result<Int, WorkerError>).self) { group in
                    for index in 0..<1_000 {
                        group.addTask {
                            do {
                                if index == 100 {
                                    // The victim: records its worker's pid, then runs until that worker is killed.
                                    let _: String = try await pool.call(
                                        "pool_helpers", "record_pid_then_sleep", pidFile.path, 30.0)
                                    return (index, .success(-1))
                                }
                                let value: Int = try await pool.call("pool_helpers", "echo", index, 0.001)
                                return (index, .success(value))
                            } catch let error as WorkerError {
                                return (index, .failure(error))
                            }
                        }
                    }
                    // Kill the victim's worker from outside, mid-call, while the other calls are in flight.
                    let written = await eventually {
                        (try? String(contentsOf: pidFile, encoding: .utf8))?.isEmpty == false
                    }
                    try #require(written)
                    let victimPID = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8)))
                    #expect(kill(victimPID, SIGKILL) == 0)
                    var outcomes: [(Int, Result<Int, WorkerError>)] = []
                    for try await outcome in group { outcomes.append(outcome) }
                    return outcomes
                }
                let failures = outcomes.compactMap {
                    if case .failure(let error) = $0.1 { (index: $0.0, error) } else { nil }
                }
                let values = outcomes.compactMap { if case .success(let value) = $0.1 { value } else { nil } }
                #expect(failures.count == 1)
                #expect(failures.first?.index == 100)
                #expect(failures.first?.1.code == .workerCrashed)
                #expect(failures.first?.1.message.contains("killed by signal 9 (SIGKILL)") == true)
                #expect(failures.first?.1.message.contains("pool_helpers.record_pid_then_sleep") == true)
                #expect(values.count == 999)
                #expect(values.sorted() == (0..<1_000).filter { $0 != 100 })
                // The worker is back, with a new process.
                let statistics = pool.statistics()
                #expect(statistics.count == 2)
                #expect(statistics.map(\.restarts).reduce(0, +) == 1)
                let pidsAfter = Set(statistics.compactMap(\.pid))
                #expect(pidsAfter.count == 2 && pidsAfter != pidsBefore)
                let after: Int = try await pool.call("pool_helpers", "echo", 1)
                #expect(after == 1)
            }
        }

        @Test func aFunctionThatAlwaysExitsTripsTheRestartIntensity() async throws {
            let pool = try WorkerPool(
                configuration: configuration(intensity: RestartIntensity(maximumRestarts: 3, within: .seconds(30))))
            try await pool.start()
            let errors = await withTaskGroup(of: WorkerError?.self) { group in
                for _ in 0..<10 {
                    group.addTask { await workerError { let _: Int = try await pool.call("pool_helpers", "exit_now") } }
                }
                var errors: [WorkerError] = []
                for await error in group { if let error { errors.append(error) } }
                return errors
            }
            #expect(errors.count == 10)
            #expect(errors.allSatisfy { $0.code == .workerCrashed || $0.code == .restartIntensityExceeded })
            #expect(errors.filter { $0.code == .workerCrashed }.count == 4)
            #expect(errors.contains { $0.code == .restartIntensityExceeded })
            #expect(errors.first { $0.code == .workerCrashed }?.message.contains("exited with status 1") == true)
            // The pool stays stopped with the same clear error, and has no processes left.
            let later = await workerError { let _: Double = try await pool.call("math", "sqrt", 4.0) }
            #expect(later?.code == .restartIntensityExceeded)
            #expect(later?.message.contains("restart intensity (3)") == true)
            #expect(pool.statistics().isEmpty)
            await pool.stop()
        }

        @Test func aCorruptedFrameKillsAndReplacesOnlyThatWorker() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let error = await workerError {
                    let _: PythonObject = try await pool.call("pool_helpers", "corrupt_frame")
                }
                #expect(error?.code == .protocolViolation)
                #expect(error?.message.contains("malformed frame") == true)
                #expect(error?.worker != nil)
                let value: Int = try await pool.call("pool_helpers", "echo", 3)
                #expect(value == 3)
                #expect(await eventually { pool.statistics().allSatisfy { $0.pid != nil } })
            }
        }

        @Test func aWorkerThatPrintsMegabytesIsCapturedNotMixedWithFrames() async throws {
            let counter = OutputCounter()
            try await WorkerPool.withPool(configuration(output: { counter.record($0) })) { pool in
                let answer: String = try await pool.call("pool_helpers", "chatty", 4)
                #expect(answer == "done")
                #expect(await eventually { counter.bytes >= 4 * 1024 * 1024 })
                #expect(await eventually { counter.stderrLines == ["to stderr"] })
                #expect(pool.statistics().map(\.outputBytes).reduce(0, +) >= 4 * 1024 * 1024)
                let next: Int = try await pool.call("pool_helpers", "echo", 5)
                #expect(next == 5)
            }
        }

        @Test func aLineWithoutNewlineIsHandedOutInBoundedPieces() async throws {
            let longest = Mutex(0)
            let total = Mutex(0)
            let settings = configuration(output: { output in
                guard output.stream == .stdout else { return }
                longest.withLock { $0 = max($0, output.line.utf8.count) }
                total.withLock { $0 += output.line.utf8.count }
            })
            try await WorkerPool.withPool(settings) { pool in
                let length: Int = try await pool.call("pool_helpers", "long_line", 1 << 21)
                #expect(length == 1 << 21)
                #expect(await eventually { total.withLock { $0 } == 1 << 21 })
                #expect(longest.withLock { $0 } == 64 * 1024, "pieces of at most 64 KiB, not one 2 MiB buffer")
            }
        }

        @Test func aFailingStartupHookStopsStartWithTheReason() async throws {
            var configuration = configuration()
            configuration.startupCode = "raise RuntimeError('no database')"
            let pool = try WorkerPool(configuration: configuration)
            let error = await workerError { try await pool.start() }
            #expect(error?.code == .startupFailed)
            #expect(error?.message.contains("RuntimeError: no database") == true)
            #expect(pool.statistics().isEmpty)
        }

        @Test func startupImportsAndCodeRunOnEveryWorkerAndAfterRestarts() async throws {
            var configuration = configuration()
            configuration.startupImports = ["pool_helpers"]
            configuration.startupCode = "import pool_helpers; pool_helpers.mark_started()"
            try await WorkerPool.withPool(configuration) { pool in
                let started: [Bool] = try await pool.callOnEveryWorker("pool_helpers", "was_started")
                #expect(started == [true, true])
                _ = await workerError { let _: Int = try await pool.call("pool_helpers", "exit_now") }
                #expect(await eventually { pool.statistics().allSatisfy { $0.pid != nil } })
                let again: [Bool] = try await pool.callOnEveryWorker("pool_helpers", "was_started")
                #expect(again == [true, true])
            }
        }

        @Test func aMissingInterpreterIsAClearError() throws {
            var configuration = configuration()
            configuration.pythonExecutable = "/nonexistent/python3"
            #expect {
                _ = try WorkerPool(configuration: configuration)
            } throws: { error in
                (error as? WorkerError)?.code == .startupFailed
                    && (error as? WorkerError)?.message.contains("/nonexistent/python3") == true
            }
        }
    }
}
