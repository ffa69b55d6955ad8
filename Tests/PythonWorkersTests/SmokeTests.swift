import PythonRuntime
import PythonWorkers
import Testing

@Suite("Worker pool: calls")
struct CallTests {
    @Test func callsIdenticalCallsAndMap() async throws {
        try await WorkerPool.withPool(WorkerPoolConfiguration(workerCount: 2)) { pool in
            let root: Double = try await pool.call("math", "sqrt", 2.0)
            #expect(root == 2.0.squareRoot())
            let pids: [Int] = try await pool.callOnEveryWorker("os", "getpid")
            #expect(Set(pids).count == 2)
            let negated: [Int] = try await pool.map("operator", "neg", Array(0..<1000))
            #expect(negated == (0..<1000).map { -$0 })
        }
    }
}
