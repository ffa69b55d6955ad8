import PythonRuntime
import PythonWorkers
import Testing

extension PythonWorkersTests {
    @Suite("Objects on Python servers: handles and opaque values")
    struct RemoteObjectTests {
        @Test func aDateLivesInAWorkerAndAnswersItsMethodsAndAttributes() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let date = try await pool.makeObject("datetime", "date", 1923, 4, 2)
                #expect(date.pythonTypeName == "datetime.date")
                let text: String = try await date.call("strftime", "%Y.%m.%d")
                #expect(text == "1923.04.02")
                let year: Int = try await date.attribute("year")
                #expect(year == 1923)
                #expect(try await date.repr() == "datetime.date(1923, 4, 2)")
                // An operator on two objects of the same worker runs there and answers another object.
                let later = try await date.callReturningObject("replace", arguments: keywords(["day": 12]))
                #expect(later.worker == date.worker)
                let difference: RemoteObject = try await pool.call("operator", "sub", later, date)
                #expect(difference.pythonTypeName == "datetime.timedelta")
                let days: Int = try await difference.attribute("days")
                #expect(days == 10)
                let total: Double = try await difference.call("total_seconds")
                #expect(total == 864_000)
                #expect(pool.statistics().first { $0.id == date.worker }?.liveObjects == 3)
            }
        }

        @Test func anUntrustedObjectIsKeptInItsWorkerAndNeverUnpickledHere() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                // The host does not unpickle a UserDict: as a value it is refused, as an object it works.
                let refused = await workerError {
                    let _: PythonObject = try await pool.call("collections", "UserDict", ["a": 1])
                }
                #expect(refused?.code == .untrustedResult)
                let dict = try await pool.makeObject("collections", "UserDict", kwargs: ["a": 1, "b": 2])
                #expect(dict.pythonTypeName == "collections.UserDict")
                try await dict.call("update", ["c": 3])
                let data: [String: Int] = try await dict.attribute("data")
                #expect(data == ["a": 1, "b": 2, "c": 3])
                try await dict.setAttribute("label", to: "totals")
                #expect(try await dict.attribute("label") as String == "totals")
                let copy = try await dict.callReturningObject("copy")
                #expect(copy.worker == dict.worker && copy.objectID != dict.objectID)
                try await copy.call("clear")
                #expect(try await copy.length() == 0)
                let count: Int = try await pool.call("builtins", "len", dict)
                #expect(count == 3)
                #expect(try await dict.str() == "{'a': 1, 'b': 2, 'c': 3}")
            }
        }

        @Test func opaqueValuesTravelAsTheWorkersPickleAndComeBack() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let numbers: OpaquePythonValue = try await pool.call("builtins", "range", 7, 42)
                #expect(!numbers.pickle.isEmpty)
                // Back to any worker, as often as wanted: it is a copy, not a reference.
                for _ in 0..<4 {
                    let count: Int = try await pool.call("builtins", "len", numbers)
                    #expect(count == 35)
                }
                let inside: [Int] = try await pool.call("builtins", "list", numbers)
                #expect(inside == Array(7..<42))
                let user: OpaquePythonValue = try await pool.call("pool_helpers", "only_on_workers")
                let name: String = try await pool.call("pool_helpers", "qualified_type_name", user)
                #expect(name == "pool_helpers.OnlyOnWorkers")
            }
        }

        @Test func badHandlesAndOpaqueValuesAreDistinctErrorsAndThePoolGoesOn() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                // Tampered bytes sent back as an opaque value: refused in the worker, nothing ran.
                let tampered = OpaquePythonValue(pickle: [0x80, 0x05, 0x95, 0xff, 0x00, 0x13])
                let invalid = await workerError { let _: Int = try await pool.call("builtins", "len", tampered) }
                #expect(invalid?.code == .invalidOpaqueValue)
                #expect(invalid?.message.contains("did not run") == true)

                // Used after release().
                let released = try await pool.makeObject("pool_helpers", "Account", "ada")
                released.release()
                released.release()
                let afterRelease = await workerError { let _: Int = try await released.attribute("balance") }
                #expect(afterRelease?.code == .objectReleased)
                let asArgument = await workerError { let _: Int = try await pool.call("builtins", "id", released) }
                #expect(asArgument?.code == .objectReleased)

                // Handles of two workers in one call (round robin places consecutive objects on both workers).
                let first = try await pool.makeObject("datetime", "date", 2000, 1, 1)
                var second = try await pool.makeObject("datetime", "date", 2000, 1, 2)
                while second.worker == first.worker {
                    second = try await pool.makeObject("datetime", "date", 2000, 1, 2)
                }
                let mixed = await workerError {
                    let _: RemoteObject = try await pool.call("operator", "sub", second, first)
                }
                #expect(mixed?.code == .objectsOnDifferentWorkers)
                #expect(mixed?.message.contains(first.worker.description) == true)

                // A method that raises: a Python exception, the object is unchanged and usable.
                let account = try await pool.makeObject("pool_helpers", "Account", "grace", 10)
                let raised = await workerError { let _: Int = try await account.call("deposit", -5) }
                #expect(raised?.code == .pythonException)
                #expect(raised?.pythonTypeName == "ValueError")
                #expect(try await account.call("deposit", 5) as Int == 15)

                // A method result too large for a frame: its own error, the worker stays up, the object too.
                let huge = await workerError {
                    let _: [UInt8] = try await account.call("huge_statement", (1 << 30) + 1)
                }
                #expect(huge?.code == .payloadTooLarge)
                #expect(try await account.attribute("balance") as Int == 15)
                #expect(pool.statistics().allSatisfy { $0.restarts == 0 })
            }
        }

        @Test func objectsDieWithTheirWorkerAndAreNeverRecreated() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                let account = try await pool.makeObject("pool_helpers", "Account", "lin", 1)
                // Made from a handle nested in a list: placed on the handle's worker.
                let neighbour = try await pool.makeObject("builtins", "list", [account])
                #expect(neighbour.worker == account.worker)
                let crash = await workerError { let _: Int = try await account.call("crash") }
                #expect(crash?.code == .workerCrashed)
                // Every later use of every object of that worker: object-lost, naming the worker and why.
                let lost = await workerError { let _: Int = try await account.attribute("balance") }
                #expect(lost?.code == .objectLost)
                #expect(lost?.worker == account.worker)
                #expect(lost?.message.contains("exited with status 7") == true)
                let lostNeighbour = await workerError { let _: String = try await neighbour.str() }
                #expect(lostNeighbour?.code == .objectLost)
                let asArgument = await workerError { let _: Int = try await pool.call("builtins", "id", account) }
                #expect(asArgument?.code == .objectLost)
                // The pool goes on: the worker restarted with an empty table.
                let fresh = try await pool.makeObject("pool_helpers", "Account", "lin", 1)
                #expect(try await fresh.call("deposit", 1) as Int == 2)
                #expect(await eventually { pool.statistics().contains { $0.restarts == 1 } })
            }
        }

        @Test func aTimedOutMethodKillsOnlyItsWorkersObjectsAndRunsOnce() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                let account = try await pool.makeObject("pool_helpers", "Account", "kim", 3)
                let timedOut = await workerError {
                    var arguments = PythonArguments()
                    try arguments.append(30.0)
                    let _: Int = try await account.call("hang", arguments: arguments, timeout: .milliseconds(300))
                }
                #expect(timedOut?.code == .timedOut)
                let lost = await workerError { let _: Int = try await account.attribute("balance") }
                #expect(lost?.code == .objectLost)
            }
        }

        @Test func aStoppedPoolsHandlesFailWithPoolStopped() async throws {
            let pool = try WorkerPool(configuration: configuration(workers: 1))
            try await pool.start()
            let date = try await pool.makeObject("datetime", "date", 1923, 4, 2)
            await pool.stop()
            let error = await workerError { let _: Int = try await date.attribute("year") }
            #expect(error?.code == .poolStopped)
        }

        @Test func droppedHandlesLeaveTheWorkersTableEmpty() async throws {
            try await WorkerPool.withPool(configuration(workers: 2)) { pool in
                for round in 0..<20 {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for index in 0..<50 {
                            group.addTask {
                                let object = try await pool.makeObject(
                                    "datetime", "date", 2000 + round, 1, 1 + index % 28)
                                let year: Int = try await object.attribute("year")
                                #expect(year == 2000 + round)
                            }
                        }
                        try await group.waitForAll()
                    }
                }
                // Releases are batched; the next answers carry them.
                #expect(await eventually { pool.statistics().allSatisfy { $0.liveObjects == 0 } })
                let sizes: [Int] = try await pool.callOnEveryWorker("pool_helpers", "object_table_size")
                #expect(sizes == [0, 0])
                #expect(pool.statistics().map(\.calls).reduce(0, +) >= 2_000)
            }
        }
    }
}

/// Keyword arguments.
private func keywords(_ values: [String: Int]) throws -> PythonArguments {
    var arguments = PythonArguments()
    try arguments.append(keywords: values)
    return arguments
}
