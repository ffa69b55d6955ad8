import Foundation
import PyBindGenCore
import PyBindGenIntrospection
import PythonCluster
import PythonRuntime
import PythonWorkers

#if canImport(Glibc)
    import Glibc
#endif

/// The Swift cluster executor next to Dask's own Python client, both talking to the same scheduler and two
/// workers on 127.0.0.1 in the same run. Needs the Dask environment the tests provision
/// (dask-python3.X-2026.8.0 in pybindgen's cache folder); skipped with a note otherwise.
enum DaskBenchmarks {
    static func run() async throws {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        let environment = TypingEnvironment.cacheDirectory() + "/dask-python\(minor)-2026.8.0"
        guard FileManager.default.fileExists(atPath: environment + "/.complete") else {
            print("\n(Dask benchmark skipped: run the tests once to provision \(environment))")
            return
        }
        _ = try Python.run("import site\nsite.addsitedir('\(environment)/lib/python\(minor)/site-packages')")
        let port = 20_000 + Int(getpid() % 20_000)
        let address = "tcp://127.0.0.1:\(port)"
        var groups: [Int32] = []
        func launch(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: environment + "/bin/dask")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            groups.append(process.processIdentifier)
        }
        defer { for group in groups { kill(-group, SIGKILL) } }
        try launch(["scheduler", "--host", "127.0.0.1", "--port", "\(port)", "--no-dashboard"])
        for _ in 0..<2 { try launch(["worker", address, "--nthreads", "1", "--no-dashboard"]) }

        let cluster = try await DaskCluster.connect(to: address, connectTimeout: .seconds(30))
        try await cluster.waitForWorkers(2)
        let baseline = try Python.run(
            """
            import math, time
            from distributed import Client

            def measure(address, calls, items):
                client = Client(address, set_as_default=False)
                for _ in range(20):
                    client.submit(math.sqrt, 2.0, pure=False).result()
                start = time.perf_counter()
                for _ in range(calls):
                    client.submit(math.sqrt, 2.0, pure=False).result()
                submit = (time.perf_counter() - start) / calls
                start = time.perf_counter()
                client.gather(client.map(math.sqrt, [float(i) for i in range(items)], pure=False))
                rate = items / (time.perf_counter() - start)
                client.close()
                return (submit * 1e6, rate)
            """)
        let calls = 300
        let items = 2_000
        let (pythonSubmit, pythonMap) = try baseline["measure"].call(address, calls, items).tuple(
            of: Double.self, Double.self)

        for _ in 0..<20 { let _: Double = try await cluster.call("math", "sqrt", 2.0) }
        var start = ContinuousClock.now
        for _ in 0..<calls { let _: Double = try await cluster.call("math", "sqrt", 2.0) }
        let swiftSubmit = seconds(ContinuousClock.now - start) / Double(calls) * 1e6
        let inputs = (0..<items).map(Double.init)
        start = ContinuousClock.now
        let _: [Double] = try await cluster.map("math", "sqrt", inputs, chunkSize: 1)
        let swiftMap = Double(items) / seconds(ContinuousClock.now - start)
        start = ContinuousClock.now
        let _: [Double] = try await cluster.map("math", "sqrt", inputs)
        let chunkedMap = Double(items) / seconds(ContinuousClock.now - start)
        await cluster.close()

        print("")
        print("| Dask cluster (scheduler + 2 workers, 127.0.0.1) | median | ratio |")
        print("|---|---:|---:|")
        print(
            String(
                format: "| Python client `submit(math.sqrt, 2.0).result()` | %.2f ms | baseline |", pythonSubmit / 1000)
        )
        print(
            String(
                format: "| `DaskCluster.call(\"math\", \"sqrt\", 2.0)` | %.2f ms | %.2f× |", swiftSubmit / 1000,
                swiftSubmit / pythonSubmit))
        print(
            String(
                format: "| Python client `gather(map(math.sqrt, 2,000 items))` | %.0f tasks/s | baseline |", pythonMap))
        print(
            String(
                format: "| `DaskCluster.map(…, chunkSize: 1)`, one task per item | %.0f tasks/s | %.2f× throughput |",
                swiftMap, swiftMap / pythonMap))
        print(
            String(
                format: "| `DaskCluster.map(…)`, default chunks | %.0f items/s | %.2f× throughput |", chunkedMap,
                chunkedMap / pythonMap))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
