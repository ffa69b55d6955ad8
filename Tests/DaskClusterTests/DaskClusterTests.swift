import Foundation
import PyMath
import PythonCluster
import PythonRuntime
import PythonWorkers
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The cluster executor against a real Dask scheduler and two workers on 127.0.0.1, one cluster per test.
@Suite("Dask cluster", .serialized)
struct DaskClusterTests {
    static func workerError(_ body: () async throws -> Void) async -> WorkerError? {
        do {
            try await body()
            return nil
        } catch let error as WorkerError {
            return error
        } catch {
            Issue.record("expected a WorkerError, got \(error)")
            return nil
        }
    }

    @Test func typedCallsRunAndMapOverTenThousandInputsKeepsTheOrder() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let root: Double = try await cluster.call("math", "sqrt", 2.0)
            #expect(root == 2.0.squareRoot())
            #expect(try await PyMath.on(cluster).pow(2, 16) == 65536)
            #expect(try await PyMath.on(cluster).factorial(10) == 3_628_800)
            var arguments = PythonArguments()
            try arguments.append(["b": 1, "a": 2])
            try arguments.append(keyword: "sort_keys", true)
            let json: String = try await cluster.call("json", "dumps", arguments: arguments)
            #expect(json == #"{"a": 2, "b": 1}"#)
            let inputs = Array(0..<10_000)
            let outputs: [Int] = try await cluster.map("operator", "neg", inputs)
            #expect(outputs == inputs.map { -$0 })
            let error = await Self.workerError { let _: Double = try await cluster.call("math", "sqrt", -1.0) }
            #expect(error?.code == .pythonException)
            #expect(error?.pythonTypeName == "ValueError")
        }
    }

    @Test func runReturnsOneResultPerWorker() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let pids: [Int] = try await cluster.callOnEveryWorker("os", "getpid")
            #expect(pids.count == 2)
            #expect(Set(pids).count == 2)
        }
    }

    @Test func scatteredDataIsSentOnceAndReused() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let data = try await cluster.scatter(Array(1...1_000), broadcast: true)
            let total: Int = try await cluster.call("builtins", "sum", data)
            let length: Int = try await cluster.call("builtins", "len", data)
            #expect(total == 500_500)
            #expect(length == 1_000)
        }
    }

    @Test func sigkillingAWorkerDuringMapAnswersEveryInputExactlyOnce() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let pids: [Int] = try await cluster.callOnEveryWorker("os", "getpid")
            let inputs = Array(0..<1_000)
            async let outputs: [Int] = cluster.map("pool_helpers", "slow_negate", inputs, chunkSize: 10)
            try await Task.sleep(for: .milliseconds(700))
            #expect(kill(Int32(pids[0]), SIGKILL) == 0)
            #expect(try await outputs == inputs.map { -$0 })
        }
    }

    @Test func aTaskThatKillsEveryWorkerIsKilledWorker() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let error = await Self.workerError {
                let _: Int = try await cluster.call("pool_helpers", "exit_now", timeout: .seconds(60))
            }
            #expect(error?.code == .killedWorker)
            #expect(error?.message.contains("pool_helpers.exit_now") == true)
            // The nannies bring workers back; the cluster serves again.
            try await cluster.waitForWorkers(1)
            let value: Int = try await cluster.call("pool_helpers", "echo", 4)
            #expect(value == 4)
        }
    }

    @Test func cancellationReleasesTheFutures() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let task = Task { () -> WorkerError? in
                await Self.workerError { let _: PythonObject = try await cluster.call("time", "sleep", 30.0) }
            }
            try await Task.sleep(for: .milliseconds(500))
            task.cancel()
            let error = await task.value
            #expect(error?.code == .cancelled)
            var count = try await cluster.schedulerTaskCount()
            let end = ContinuousClock.now + .seconds(10)
            while count > 0 && ContinuousClock.now < end {
                try await Task.sleep(for: .milliseconds(100))
                count = try await cluster.schedulerTaskCount()
            }
            #expect(count == 0)
        }
    }

    @Test func timeoutsAndResultsThatCannotBeUnpickled() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let start = ContinuousClock.now
            let timedOut = await Self.workerError {
                let _: PythonObject = try await cluster.call("time", "sleep", 30.0, timeout: .milliseconds(500))
            }
            #expect(timedOut?.code == .timedOut)
            #expect(ContinuousClock.now - start < .seconds(2))
            let unpicklable = await Self.workerError {
                let _: PythonObject = try await cluster.call("pool_helpers", "only_on_workers")
            }
            #expect(unpicklable?.code == .untrustedResult)
            #expect(unpicklable?.message.contains("pool_helpers.OnlyOnWorkers") == true)
        }
    }

    @Test func aResultNamingAFunctionIsRefusedAndNothingRunsInTheHost() async throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("dask-mkdir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: target) }
        try await DaskTestCluster.with { cluster, _ in
            let error = await Self.workerError {
                let _: PythonObject = try await cluster.call("pool_helpers", "malicious", target.path)
            }
            #expect(error?.code == .untrustedResult)
            #expect(error?.message.contains("posix.mkdir") == true || error?.message.contains("os.mkdir") == true)
            #expect(!FileManager.default.fileExists(atPath: target.path))
            // Standard value types still arrive.
            let values: [PythonObject] = try await cluster.call("pool_helpers", "standard_values")
            #expect(values.count == 11)
        }
    }

    @Test func aUserClassArrivesOnlyWhenTrusted() async throws {
        let trusted = DaskTestCluster.helpers + "/trusted"
        try await DaskTestCluster.with { cluster, _ in
            let refused = await Self.workerError {
                let _: PythonObject = try await cluster.call("trusted_values", "point")
            }
            #expect(refused?.code == .untrustedResult)
            #expect(refused?.message.contains("trusted_values.Point") == true)
        }
        // The host must be able to import the class to rebuild it.
        let sys = try Python.import("sys")
        if try ![String](sys.path).contains(trusted) { _ = try sys.path.append(trusted) }
        try await DaskTestCluster.with(trustedResultTypes: ["trusted_values.Point"]) { cluster, _ in
            let point: PythonObject = try await cluster.call("trusted_values", "point")
            #expect(try Int(point.x) == 1 && Int(point.y) == 2)
        }
    }

    @Test func everyOperationHasADeadlineAndHonoursCancellation() async throws {
        try await DaskTestCluster.with { cluster, _ in
            let clock = ContinuousClock()
            // Client.run of a call that sleeps on every worker: the deadline holds.
            var begin = clock.now
            let timedOut = await Self.workerError {
                let _: [PythonObject] = try await cluster.callOnEveryWorker(
                    "time", "sleep", 30.0, timeout: .milliseconds(500))
            }
            #expect(timedOut?.code == .timedOut)
            #expect(clock.now - begin < .seconds(3))
            // Cancelling a task waiting in Client.run resumes it at once.
            begin = clock.now
            let waiting = Task { () -> WorkerError? in
                await Self.workerError {
                    let _: [PythonObject] = try await cluster.callOnEveryWorker("time", "sleep", 30.0)
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            waiting.cancel()
            #expect(await waiting.value?.code == .cancelled)
            #expect(clock.now - begin < .seconds(3))
            // A task cancelled before its call even started: the call never waits for its 60 s timeout.
            begin = clock.now
            let early = Task { () -> WorkerError? in
                withUnsafeCurrentTask { $0?.cancel() }
                return await Self.workerError { let _: PythonObject = try await cluster.call("time", "sleep", 30.0) }
            }
            #expect(await early.value?.code == .cancelled)
            #expect(clock.now - begin < .seconds(3))
            // Cluster queries are async with deadlines too.
            #expect(try await cluster.workerCount(timeout: .seconds(10)) == 2)
        }
    }

    @Test func anUnreachableSchedulerFailsWithinTheConnectTimeout() async throws {
        _ = try DaskTestCluster.environment.get()
        let start = ContinuousClock.now
        let error = await Self.workerError {
            _ = try await DaskCluster.connect(
                to: "tcp://127.0.0.1:\(DaskTestCluster.freePort())", connectTimeout: .seconds(2))
        }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("no Dask scheduler answered") == true)
        // No hang: the 2 s connect timeout ends it (the bound is wide, so a busy machine's slowness never fails it).
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func tlsClusterServesTrustedClientsOnly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dask-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificates = try DaskTestCluster.Certificates.make(in: directory)
        try await DaskTestCluster.with(tls: certificates) { cluster, running in
            #expect(running.address.hasPrefix("tls://"))
            let root: Double = try await cluster.call("math", "sqrt", 9.0)
            #expect(root == 3)
            // A client without the certificates cannot talk to it.
            let plain = await Self.workerError {
                _ = try await DaskCluster.connect(
                    to: running.address.replacingOccurrences(of: "tls://", with: "tcp://"),
                    connectTimeout: .seconds(2))
            }
            #expect(plain?.code == .unreachable)
        }
    }

    @Test func aLocalClusterForDevelopment() async throws {
        _ = try DaskTestCluster.environment.get()
        let cluster = try await DaskCluster.startLocal(workers: 2)
        do {
            try await cluster.waitForWorkers(2)
            let pids: [Int] = try await cluster.callOnEveryWorker("os", "getpid")
            #expect(Set(pids).count == 2)
            #expect(!pids.contains(Int(getpid())))
            #expect(try await PyMath.on(cluster).sqrt(16.0) == 4)
        } catch {
            await cluster.close()
            throw error
        }
        await cluster.close()
        let afterwards = await Self.workerError { let _: Double = try await cluster.call("math", "sqrt", 1.0) }
        #expect(afterwards?.code == .poolStopped)
    }
}
