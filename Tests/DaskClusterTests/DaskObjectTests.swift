import Foundation
import PyDatetime
import PythonCluster
import PythonRuntime
import PythonWorkers
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension DaskClusterTests {
    @Test func objectsLiveOnTheClusterAsDaskActors() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let date = try await cluster.makeObject("datetime", "date", 1923, 4, 2)
            #expect(date.pythonTypeName == "datetime.date")
            let text: String = try await date.call("strftime", "%Y.%m.%d")
            #expect(text == "1923.04.02")
            #expect(try await date.attribute("year") as Int == 1923)
            var replace = PythonArguments()
            try replace.append(keyword: "day", 12)
            let later = try await date.callReturningObject("replace", arguments: replace)
            #expect(later.workerAddress == date.workerAddress)
            let difference = try await cluster.makeObject("operator", "sub", later, date)
            #expect(difference.workerAddress == date.workerAddress)
            #expect(try await difference.attribute("days") as Int == 10)

            // An object the host never unpickles.
            let dict = try await cluster.makeObject("collections", "UserDict", kwargs: ["a": 1, "b": 2])
            try await dict.call("update", ["c": 3])
            #expect(try await dict.attribute("data") as [String: Int] == ["a": 1, "b": 2, "c": 3])
            try await dict.setAttribute("label", to: "totals")
            #expect(try await dict.attribute("label") as String == "totals")
            #expect(try await dict.length() == 3)
            let count: Int = try await cluster.call("builtins", "len", dict)
            #expect(count == 3)

            // Opaque values: the pickle comes back as bytes and goes out again.
            let numbers: OpaquePythonValue = try await cluster.call("builtins", "range", 7, 42)
            #expect(try await cluster.call("builtins", "len", numbers) as Int == 35)

            let tampered = OpaquePythonValue(pickle: [0x80, 0x05, 0x95, 0xff])
            let invalid = await Self.workerError { let _: Int = try await cluster.call("builtins", "len", tampered) }
            #expect(invalid?.code == .invalidOpaqueValue)

            // Objects of two workers cannot meet in one call.
            var other = try await cluster.makeObject("datetime", "date", 2000, 1, 1)
            for _ in 0..<20 where other.workerAddress == date.workerAddress {
                other = try await cluster.makeObject("datetime", "date", 2000, 1, 1)
            }
            if other.workerAddress != date.workerAddress {
                let mixed = await Self.workerError {
                    let _: Int = try await cluster.call("operator", "lt", date, other)
                }
                #expect(mixed?.code == .objectsOnDifferentWorkers)
            }

            // Bad input: a released handle, a method that raises.
            date.release()
            let released = await Self.workerError { let _: Int = try await date.attribute("year") }
            #expect(released?.code == .objectReleased)
            let raised = await Self.workerError { let _: Int = try await dict.call("pop", "missing") }
            #expect(raised?.code == .pythonException)
            #expect(raised?.pythonTypeName == "KeyError")
        }
    }

    @Test func generatedClassesMakeTypedActors() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let date = try await PyDatetime.on(cluster).Date(year: 1923, month: 4, day: 2)
            #expect(try await date.strftime("%Y") == "1923")
            #expect(try await date.year == 1923)
            let later = try await date.replace(day: 12)
            let difference = try await later - date
            #expect(try await difference.days == 10)
            let now = try await PyDatetime.Datetime.Remote.now(on: cluster)
            #expect(try await now.year >= 2024)
        }
    }

    @Test func aDaskActorDiesWithItsWorkerAndIsLost() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let account = try await cluster.makeObject("pool_helpers", "Account", "ada", 5)
            #expect(try await account.call("deposit", 1) as Int == 6)
            let pid: Int = try await account.callWhereItLives(
                PythonCallableReference(module: "os", "getpid"), with: PythonArguments())
            #expect(kill(Int32(pid), SIGKILL) == 0)
            // The scheduler notices the death within moments; until then a call may still be on its way.
            var lost: WorkerError?
            for _ in 0..<200 {
                lost = await Self.workerError {
                    let _: Int = try await account.attribute("balance", timeout: .seconds(30))
                }
                if lost != nil { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(lost?.code == .objectLost)
            #expect(lost?.message.contains("gone") == true)
            // The cluster goes on.
            let fresh = try await cluster.makeObject("pool_helpers", "Account", "ada", 1)
            #expect(try await fresh.call("deposit", 1) as Int == 2)
        }
    }
}
