import Foundation

/// One measured case: a name, the work done per iteration, and which baseline it is compared against.
struct BenchmarkCase {
    var group: String
    var name: String
    var baseline: String?
    var iterations: Int
    var body: (Int) throws -> Void
}

/// Runs cases interleaved in rounds and reports the median nanoseconds per iteration of each.
struct Harness {
    var rounds = 7
    var cases: [BenchmarkCase] = []

    mutating func add(
        _ group: String, _ name: String, baseline: String? = nil, iterations: Int,
        _ body: @escaping (Int) throws -> Void
    ) {
        cases.append(BenchmarkCase(group: group, name: name, baseline: baseline, iterations: iterations, body: body))
    }

    func run() throws -> [String: Double] {
        var samples: [String: [Double]] = [:]
        for benchmark in cases { try benchmark.body(benchmark.iterations / 10) }  // warm-up
        for _ in 0..<rounds {
            for benchmark in cases {
                let start = DispatchTime.now().uptimeNanoseconds
                try benchmark.body(benchmark.iterations)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                samples[benchmark.name, default: []].append(Double(elapsed) / Double(benchmark.iterations))
            }
        }
        return samples.mapValues { $0.sorted()[$0.count / 2] }
    }

    /// Prints a Markdown table: case, median time, ratio to its baseline.
    func report(_ medians: [String: Double]) {
        print("| group | case | median per op | ratio to baseline |")
        print("|---|---|---:|---:|")
        for benchmark in cases {
            let time = medians[benchmark.name] ?? 0
            var ratio = "baseline"
            if let baseline = benchmark.baseline, let reference = medians[baseline] {
                ratio = String(format: "%.2f× (%@)", time / reference, baseline)
            }
            print("| \(benchmark.group) | \(benchmark.name) | \(Self.format(time)) | \(ratio) |")
        }
    }

    static func format(_ nanoseconds: Double) -> String {
        nanoseconds >= 10_000 ? String(format: "%.1f µs", nanoseconds / 1000) : String(format: "%.1f ns", nanoseconds)
    }
}

/// Keeps a value alive and observable so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
