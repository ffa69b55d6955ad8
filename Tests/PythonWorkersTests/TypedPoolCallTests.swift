import PyBuiltins
import PyDatetime
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

        @Test func generatedClassesMakeTypedRemoteObjects() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let date = try await PyDatetime.on(pool).Date(year: 1923, month: 4, day: 2)
                #expect(try await date.strftime("%Y.%m.%d") == "1923.04.02")
                #expect(try await date.year == 1923)
                #expect(try await date.weekday() == 0)
                // A wrapper-class result is again a remote handle, on the same worker.
                let later = try await date.replace(day: 12)
                let difference = try await later - date
                #expect(try await difference.days == 10)
                #expect(try await difference.totalSeconds() == 864_000)
                let earlier = try await later - difference
                #expect(try await earlier.isoformat() == "1923-04-02")
                #expect(try await date < later)
                // Class methods run on the executor and answer remote handles too.
                let now = try await PyDatetime.Datetime.Remote.now(on: pool)
                #expect(try await now.year >= 2024)
                let parsed = try await PyDatetime.Datetime.Remote.fromisoformat(on: pool, "2020-02-29T12:30:00")
                #expect(try await parsed.hour == 12)
                #expect(try await parsed.strftime("%d/%m") == "29/02")
                // The local typed API is unchanged.
                #expect(try PyDatetime.Date(year: 1923, month: 4, day: 2).strftime("%Y") == "1923")
                // The typed handle wraps the pool's untyped one.
                let handle = date.handle as? RemoteObject
                #expect(handle?.pythonTypeName == "datetime.date")
            }
        }
    }
}
