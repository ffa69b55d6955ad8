import PyBuiltins
import PyMath
import PythonRuntime
import PythonWorkers
import Testing

extension PythonWorkersTests {
    @Suite("Typed calls on a pool through the generated modules")
    struct TypedPoolCallTests {
        @Test func generatedModulesRunOnThePoolWithTheirSwiftTypes() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let root: Double = try await PyMath.on(pool).sqrt(2.0)
                #expect(root == (try PyMath.sqrt(2.0)))
                #expect(try await PyMath.on(pool).pow(2, 16) == 65536.0)
                #expect(try await PyMath.on(pool).factorial(20) == 2_432_902_008_176_640_000)
                #expect(try await PyMath.on(pool).gcd(12, 18) == 6)
                #expect(try await PyBuiltins.on(pool).int("101010", base: 2) == 42)
                let error = await workerError { _ = try await PyMath.on(pool).sqrt(-1.0) }
                #expect(error?.pythonTypeName == "ValueError")
                #expect(error?.message.contains("math.sqrt") == true)
            }
        }
    }
}
