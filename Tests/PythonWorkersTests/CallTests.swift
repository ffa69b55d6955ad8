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
                let closure = try PythonObject(callable: { (value: Int) in value + 1 })
                let swiftClosure = await workerError {
                    let _: Int = try await pool.call("pool_helpers", "echo", closure)
                }
                #expect(swiftClosure?.code == .notPicklable)
                #expect(
                    swiftClosure?.message
                        == "argument 1 of pool_helpers.echo is a Swift closure: it lives in this process and cannot "
                        + "be sent to a worker; call a Python function by name instead")
                let still: Int = try await pool.call("pool_helpers", "echo", 7)
                #expect(still == 7)
                #expect(pool.statistics().allSatisfy { $0.restarts == 0 })
            }
        }
    }
}

extension PythonWorkersTests {
    @Suite("map: values travel exactly (Swift-side pickles for Int, Double, String, Bool)")
    struct MapValueTests {
        @Test func integersAtEveryEncodingBoundary() async throws {
            let edges: [Int] = [
                0, 1, 255, 256, 65_535, 65_536, -1, -128, -129, Int(Int32.max), Int(Int32.max) + 1, Int(Int32.min),
                Int(Int32.min) - 1, 1 << 40, -(1 << 40), Int.max, Int.min, Int.max - 1, Int.min + 1,
            ]
            try await WorkerPool.withPool(configuration()) { pool in
                let echoed: [Int] = try await pool.map("pool_helpers", "echo", edges, chunkSize: 4)
                #expect(echoed == edges)
                let negated: [Int] = try await pool.map("operator", "neg", edges.filter { $0 != Int.min })
                #expect(negated == edges.filter { $0 != Int.min }.map { -$0 })
                // -Int.min does not fit in Int: the Python path reports the overflow.
                await #expect(throws: PythonError.self) {
                    let _: [Int] = try await pool.map("operator", "neg", [Int.min])
                }
            }
        }

        @Test func doublesStringsAndBools() async throws {
            let doubles: [Double] = [0.0, -0.0, 1.5, -2.25, .infinity, -.infinity, .ulpOfOne, .greatestFiniteMagnitude]
            let strings: [String] = [
                "", "a", "héllo", "日本語", "🐍", String(repeating: "x", count: 300), "a", "a", "héllo",
            ]
            try await WorkerPool.withPool(configuration()) { pool in
                let echoedDoubles: [Double] = try await pool.map("pool_helpers", "echo", doubles)
                #expect(echoedDoubles.map(\.bitPattern) == doubles.map(\.bitPattern))
                let nan: [Double] = try await pool.map("pool_helpers", "echo", [Double.nan])
                #expect(nan.first?.isNaN == true)
                let echoedStrings: [String] = try await pool.map("pool_helpers", "echo", strings, chunkSize: 100)
                #expect(echoedStrings == strings)
                let upper: [String] = try await pool.map("builtins", "str.upper", ["abc", "déf"])
                #expect(upper == ["ABC", "DÉF"])
                let negations: [Bool] = try await pool.map("operator", "not_", [true, false, true])
                #expect(negations == [false, true, false])
                // Results of another Python type than the inputs convert like local calls (int → Double).
                let widened: [Double] = try await pool.map("pool_helpers", "echo", [1, 2, 3])
                #expect(widened == [1, 2, 3])
                let lengths: [Int] = try await pool.map("builtins", "len", strings)
                #expect(lengths == strings.map { $0.unicodeScalars.count })
            }
        }
    }
}
