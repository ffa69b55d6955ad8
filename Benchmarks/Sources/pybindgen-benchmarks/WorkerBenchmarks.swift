import Foundation
import PythonRuntime
import PythonWorkers

/// The worker pool next to Python's own baselines, measured in the same run on the same machine.
enum WorkerBenchmarks {
    static let rounds = 6
    static let sequentialCalls = 2_000
    static let mapItems = 100_000

    static func run() async throws {
        let baselines = try pythonBaselines()
        let sequential = try await sequentialRoundTrip()
        let mapRate = try await mapThroughput()
        let concurrent1 = try await concurrentCalls(callsPerWorker: 1)
        let concurrent4 = try await concurrentCalls(callsPerWorker: 4)

        let pingPong = baselines["pingPongMicroseconds"]!
        let apply = baselines["poolApplyMicroseconds"]!
        let poolMap = baselines["poolMapItemsPerSecond"]!
        print("")
        print("| worker pool (2 workers) | median | ratio |")
        print("|---|---:|---:|")
        print(row("raw pipe+pickle ping-pong, two Python processes", micro(pingPong), "baseline"))
        print(row("multiprocessing.Pool(2).apply(math.sqrt, (2.0,))", micro(apply), "baseline"))
        print(
            row(
                "WorkerPool.call(\"math\", \"sqrt\", 2.0), sequential", micro(sequential),
                String(format: "%.2f× ping-pong, %.2f× Pool.apply", sequential / pingPong, sequential / apply)))
        print(row("multiprocessing.Pool(2).map(operator.neg, 100,000)", rate(poolMap), "baseline"))
        print(
            row(
                "WorkerPool.map(\"operator\", \"neg\", 100,000)", rate(mapRate),
                String(format: "%.2f×", mapRate / poolMap)))
        print(row("64 concurrent tasks, small calls, 1 call per worker", rate(concurrent1, unit: "calls/s"), ""))
        print(row("64 concurrent tasks, small calls, 4 calls per worker", rate(concurrent4, unit: "calls/s"), ""))
    }

    private static func row(_ name: String, _ value: String, _ ratio: String) -> String {
        "| \(name) | \(value) | \(ratio) |"
    }

    private static func micro(_ value: Double) -> String { String(format: "%.1f µs", value) }

    private static func rate(_ value: Double, unit: String = "items/s") -> String {
        value >= 1_000_000
            ? String(format: "%.2f M \(unit)", value / 1e6) : String(format: "%.0f k \(unit)", value / 1e3)
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// Runs Benchmarks/Python/worker_baselines.py with the embedded runtime's interpreter.
    private static func pythonBaselines() throws -> [String: Double] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Python/worker_baselines.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Python.versions().executable)
        process.arguments = [script.path, "\(rounds)", "\(sequentialCalls)", "\(mapItems)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String: Double].self, from: data)
    }

    private static func sequentialRoundTrip() async throws -> Double {
        try await WorkerPool.withPool(WorkerPoolConfiguration(workerCount: 2)) { pool in
            var samples: [Double] = []
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                for _ in 0..<sequentialCalls {
                    let root: Double = try await pool.call("math", "sqrt", 2.0)
                    precondition(root == 2.0.squareRoot())
                }
                samples.append(microseconds(ContinuousClock.now - start) / Double(sequentialCalls))
            }
            return median(Array(samples.dropFirst()))
        }
    }

    private static func mapThroughput() async throws -> Double {
        try await WorkerPool.withPool(WorkerPoolConfiguration(workerCount: 2)) { pool in
            let inputs = Array(0..<mapItems)
            var samples: [Double] = []
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                let outputs: [Int] = try await pool.map("operator", "neg", inputs)
                precondition(outputs.last == -(mapItems - 1))
                samples.append(Double(mapItems) / (microseconds(ContinuousClock.now - start) / 1e6))
            }
            return median(Array(samples.dropFirst()))
        }
    }

    private static func concurrentCalls(callsPerWorker: Int) async throws -> Double {
        let configuration = WorkerPoolConfiguration(workerCount: 2, callsPerWorker: callsPerWorker)
        return try await WorkerPool.withPool(configuration) { pool in
            let total = 20_000
            let concurrency = 64
            var samples: [Double] = []
            for _ in 0..<3 {
                let start = ContinuousClock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    var submitted = 0
                    for _ in 0..<concurrency {
                        submitted += 1
                        group.addTask { let _: Double = try await pool.call("math", "sqrt", 2.0) }
                    }
                    while try await group.next() != nil, submitted < total {
                        submitted += 1
                        group.addTask { let _: Double = try await pool.call("math", "sqrt", 2.0) }
                    }
                    try await group.waitForAll()
                }
                samples.append(Double(total) / (microseconds(ContinuousClock.now - start) / 1e6))
            }
            return median(samples)
        }
    }

    private static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }
}
