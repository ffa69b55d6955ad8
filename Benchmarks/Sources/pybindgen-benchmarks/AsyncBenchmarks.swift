import Foundation
import PythonRuntime

/// Awaiting a coroutine from Swift next to Python's own cross-thread await on the same event loop, interleaved
/// round by round in the same run.
enum AsyncBenchmarks {
    static let rounds = 15
    static let awaits = 2_000

    static func run() async throws {
        let helpers = try Python.run(
            """
            import asyncio, threading, time

            async def immediate(value):
                return value

            async def running_loop():
                return asyncio.get_running_loop()

            def python_thread_awaits(loop, count):
                \"\"\"Microseconds per `run_coroutine_threadsafe(...).result()` from a Python thread.\"\"\"
                result = []
                def work():
                    start = time.perf_counter()
                    for index in range(count):
                        asyncio.run_coroutine_threadsafe(immediate(index), loop).result()
                    result.append((time.perf_counter() - start) * 1e6 / count)
                thread = threading.Thread(target=work)
                thread.start()
                thread.join()
                return result[0]
            """)
        let immediate = try helpers["immediate"]
        let loop: PythonObject = try await helpers["running_loop"].call().awaited()  // the runtime's own loop
        let baseline = try helpers["python_thread_awaits"]
        var ratios: [Double] = []
        var swiftSamples: [Double] = []
        var pythonSamples: [Double] = []
        for _ in 0..<rounds {
            let python: Double = try Python.withGIL { () throws(PythonError) -> Double in
                try baseline.call(loop, awaits)
            }
            let start = ContinuousClock.now
            for index in 0..<awaits {
                let coroutine: PythonObject = try immediate.call(index)
                let value: Int = try await coroutine.awaited()
                precondition(value == index)
            }
            let elapsed = ContinuousClock.now - start
            let swift =
                (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
                / Double(awaits)
            swiftSamples.append(swift)
            pythonSamples.append(python)
            ratios.append(swift / python)
        }
        func median(_ values: [Double]) -> Double { values.dropFirst().sorted()[(values.count - 1) / 2] }
        print("")
        print("| awaiting a coroutine that returns at once | median | ratio |")
        print("|---|---:|---:|")
        print(
            "| Python thread: `asyncio.run_coroutine_threadsafe(coro, loop).result()` | "
                + String(format: "%.1f µs", median(pythonSamples)) + " | baseline |")
        print(
            "| Swift: `try await coroutine.awaited()` | " + String(format: "%.1f µs", median(swiftSamples)) + " | "
                + String(format: "%.2f× (median of per-round ratios)", median(ratios)) + " |")
    }
}
