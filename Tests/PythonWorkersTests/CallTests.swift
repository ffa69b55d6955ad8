import PythonRuntime
import PythonWorkers
import Testing

extension PythonWorkersTests {
    @Suite("Calls, identical calls, scatter/gather")
    struct CallTests {
        @Test func callReturnsTypedResults() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let root: Double = try await pool.call("math", "sqrt", 2.0)
                #expect(root == 2.0.squareRoot())
                let power: Double = try await pool.call("math", "pow", 2.0, 16.0)
                #expect(power == 65536)
                var arguments = PythonArguments()
                try arguments.append(["b": 1, "a": 2])
                try arguments.append(keyword: "sort_keys", true)
                let json: String = try await pool.call("json", "dumps", arguments: arguments)
                #expect(json == #"{"a": 2, "b": 1}"#)
                let words: [String] = try await pool.call("pool_helpers", "echo", ["typed", "list"])
                #expect(words == ["typed", "list"])
            }
        }

        @Test func pythonExceptionsNameTheCallAndKeepTheTraceback() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let error = await workerError { let _: Double = try await pool.call("math", "sqrt", -1.0) }
                #expect(error?.code == .pythonException)
                #expect(error?.pythonTypeName == "ValueError")
                #expect(error?.message.contains("math.sqrt raised ValueError: math domain error") == true)
                #expect(error?.traceback?.contains("Traceback") == true)
                let missing = await workerError { let _: Int = try await pool.call("no_such_module_xyz", "f") }
                #expect(missing?.pythonTypeName == "ModuleNotFoundError")
                // A result of the wrong type is the same conversion error as a local call.
                await #expect(throws: PythonError.self) {
                    let _: Int = try await pool.call("pool_helpers", "echo", "five")
                }
                #expect(pool.statistics().allSatisfy { $0.restarts == 0 })
            }
        }

        @Test func identicalCallsRunOnEveryWorker() async throws {
            try await WorkerPool.withPool(configuration(workers: 3)) { pool in
                let pids: [Int] = try await pool.callOnEveryWorker("os", "getpid")
                #expect(pids.count == 3)
                #expect(Set(pids).count == 3)
                #expect(Set(pids) == Set(pool.statistics().compactMap { $0.pid.map(Int.init) }))
            }
        }

        @Test func mapOverOneHundredThousandInputsKeepsTheOrder() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let inputs = Array(0..<100_000)
                let outputs: [Int] = try await pool.map("operator", "neg", inputs)
                #expect(outputs == inputs.map { -$0 })
                let small: [Double] = try await pool.map("math", "sqrt", [1.0, 4.0, 9.0], chunkSize: 1)
                #expect(small == [1, 2, 3])
                let error = await workerError { let _: [Double] = try await pool.map("math", "sqrt", [1.0, -1.0]) }
                #expect(error?.pythonTypeName == "ValueError")
            }
        }

        @Test func unpicklableArgumentsAndResultsAreClearErrorsAndTheWorkerSurvives() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let lambda = try Python.evaluate("lambda x: x")
                let argument = await workerError { let _: Int = try await pool.call("pool_helpers", "echo", lambda) }
                #expect(argument?.code == .notPicklable)
                #expect(argument?.message.contains("pool_helpers.echo") == true)
                let result = await workerError {
                    let _: PythonObject = try await pool.call("pool_helpers", "unpicklable_result")
                }
                #expect(result?.code == .notPicklable)
                #expect(
                    result?.message.contains("the result of pool_helpers.unpicklable_result cannot be sent back")
                        == true)
                let still: Int = try await pool.call("pool_helpers", "echo", 7)
                #expect(still == 7)
                #expect(pool.statistics().allSatisfy { $0.restarts == 0 })
            }
        }
    }
}
