import CPython
import PyMath
import PythonRuntime

/// Calls through the generated typed modules next to the raw C API doing the same work.
enum GeneratedBenchmarks {
    static func register(in harness: inout Harness) throws {
        let sqrtPointer = try Python.import("math").sqrt.pointer
        _ = try PyMath.sqrt(2.0)  // resolves the cached function before timing

        harness.add("generated PyMath.sqrt(2.0)", "raw vectorcall, GIL held", iterations: 2_000_000) { count in
            let state = PyGILState_Ensure()
            var total = 0.0
            for _ in 0..<count { total += RuntimeBenchmarks.rawSqrt(sqrtPointer, 2.0) }
            PyGILState_Release(state)
            blackHole(total)
        }
        harness.add(
            "generated PyMath.sqrt(2.0)", "PyMath.sqrt, inside withGIL", baseline: "raw vectorcall, GIL held",
            iterations: 2_000_000
        ) { count in
            try Python.withGIL {
                var total = 0.0
                for _ in 0..<count { total += try PyMath.sqrt(2.0) }
                blackHole(total)
            }
        }
        harness.add("generated PyMath.sqrt(2.0)", "raw vectorcall, GIL per call", iterations: 1_000_000) { count in
            var total = 0.0
            for _ in 0..<count {
                let state = PyGILState_Ensure()
                total += RuntimeBenchmarks.rawSqrt(sqrtPointer, 2.0)
                PyGILState_Release(state)
            }
            blackHole(total)
        }
        harness.add(
            "generated PyMath.sqrt(2.0)", "PyMath.sqrt, GIL per call", baseline: "raw vectorcall, GIL per call",
            iterations: 1_000_000
        ) { count in
            var total = 0.0
            for _ in 0..<count { total += try PyMath.sqrt(2.0) }
            blackHole(total)
        }
    }
}
