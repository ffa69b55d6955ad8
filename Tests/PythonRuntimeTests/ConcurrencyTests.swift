import Foundation
import PythonRuntime
import Testing

@Suite("GIL discipline under concurrency")
struct ConcurrencyTests {
    @Test func eightThreadsTimesOneHundredThousandCalls() async throws {
        let add = try Python.import("operator").add
        let threads = 8
        let callsPerThread = 100_000
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for thread in 0..<threads {
                group.addTask {
                    try await Self.onDedicatedThread {
                        var wrong = 0
                        for call in 0..<callsPerThread {
                            let sum: Int = try add.call(call, thread)
                            if sum != call + thread { wrong += 1 }
                        }
                        return wrong
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    @Test func objectsReleasedOnOtherThreads() async throws {
        let objects = try (0..<1000).map { try PythonObject("value \($0)") }
        await withTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: objects.count, by: 100) {
                let slice = Array(objects[chunk..<chunk + 100])
                group.addTask { _ = slice.count }
            }
        }
        let batch = try Python.withGIL { try objects.map { try String($0) } }
        #expect(batch.count == 1000)
    }

    @Test func withGILNestsAndBatches() throws {
        let math = try Python.import("math")
        let total = try Python.withGIL {
            try Python.withGIL {
                try (1...1000).reduce(0.0) { sum, value in sum + (try math.sqrt.call(Double(value)) as Double) }
            }
        }
        #expect(abs(total - 21097.455887480734) < 1e-6)
    }

    /// Runs `body` on a new OS thread, so that calls really come from different threads.
    static func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
