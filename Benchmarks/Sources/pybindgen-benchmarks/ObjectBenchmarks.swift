import Foundation
import PythonRuntime
import PythonWorkers

/// Objects on Python servers next to module-function round trips, measured in the same run, interleaved round by
/// round so both see the same machine.
enum ObjectBenchmarks {
    static let rounds = 31
    static let calls = 500
    static let handles = 100_000
    /// `--soak` makes and drops this many handles and reports the workers' table and memory before and after.
    static let soakHandles = 1_000_000

    static func run() async throws {
        try await WorkerPool.withPool(WorkerPoolConfiguration(workerCount: 2)) { pool in
            let date = try await pool.makeObject("datetime", "date", 1923, 4, 2)
            var functionSamples: [Double] = []
            var methodSamples: [Double] = []
            for _ in 0..<rounds {
                functionSamples.append(
                    try await perCall(calls) { let _: Double = try await pool.call("math", "sqrt", 2.0) })
                methodSamples.append(try await perCall(calls) { let _: Int = try await date.call("weekday") })
            }
            var roundTripRates: [Double] = []
            var handleRates: [Double] = []
            for _ in 0..<3 {
                roundTripRates.append(
                    1e6 / (try await perCall(handles) { let _: Double = try await pool.call("math", "sqrt", 2.0) }))
                handleRates.append(
                    1e6
                        / (try await perCall(handles) {
                            let object = try await pool.makeObject("datetime", "date", 1923, 4, 2)
                            _ = object
                        }))
            }
            let function = median(functionSamples.dropFirst())
            let method = median(methodSamples.dropFirst())
            // Each round's own ratio (the two ran back to back), then their median: robust to drift in the machine.
            let methodRatio = median(zip(methodSamples, functionSamples).dropFirst().map { $0 / $1 })
            let roundTrips = median(roundTripRates)
            let made = median(handleRates)
            print("")
            print("| objects on a pool worker (2 workers) | median | ratio |")
            print("|---|---:|---:|")
            print("| `pool.call(\"math\", \"sqrt\", 2.0)`, sequential | \(micro(function)) | baseline |")
            print(
                "| `date.call(\"weekday\")` on a remote handle, sequential | \(micro(method)) | "
                    + String(format: "%.2f× (median of per-round ratios)", methodRatio) + " |")
            print("| \(handles.formatted()) function round trips | \(rate(roundTrips)) | baseline |")
            print(
                "| \(handles.formatted()) handles made and released | \(rate(made)) | "
                    + String(format: "%.2f× (throughput)", made / roundTrips) + " |")
            if CommandLine.arguments.contains("--soak") { try await soak(pool) }
        }
    }

    /// Makes and drops a million handles; the workers' object tables and resident memory stay flat.
    private static func soak(_ pool: WorkerPool) async throws {
        /// Each worker's resident memory (VmRSS, KiB), read from /proc.
        func resident() -> [Int] {
            pool.statistics().compactMap(\.pid).map { pid in
                let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
                let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
                return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
            }
        }
        // Warm up: the first objects grow the workers' heaps to their working size.
        for index in 0..<10_000 { _ = try await pool.makeObject("datetime", "date", 2000, 1, 1 + index % 28) }
        let before = resident()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<8 {
                group.addTask {
                    for index in stride(from: lane, to: soakHandles, by: 8) {
                        let object = try await pool.makeObject("datetime", "date", 2000, 1, 1 + index % 28)
                        if index % 1_000 == 0 { let _: Int = try await object.attribute("day") }
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        try await Task.sleep(for: .milliseconds(200))
        let after = resident()
        let live = pool.statistics().map(\.liveObjects)
        print("")
        print(
            "soak: \(soakHandles.formatted()) handles made and released in \(elapsed); live objects per worker "
                + "\(live); worker RSS \(before) KiB before, \(after) KiB after")
    }

    private static func perCall(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count { try await body() }
        let elapsed = ContinuousClock.now - start
        return (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            / Double(count)
    }

    private static func median(_ values: some Collection<Double>) -> Double { values.sorted()[values.count / 2] }

    private static func micro(_ value: Double) -> String { String(format: "%.1f µs", value) }

    private static func rate(_ value: Double) -> String { String(format: "%.0f k/s", value / 1e3) }
}
