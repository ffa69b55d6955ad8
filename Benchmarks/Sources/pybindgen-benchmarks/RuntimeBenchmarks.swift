import CPython
import PythonRuntime

/// Calls and conversions of the runtime next to the raw C API doing the same work.
enum RuntimeBenchmarks {
    static func register(in harness: inout Harness) throws {
        let math = try Python.import("math")
        let sqrt = try math.sqrt
        let sqrtPointer = sqrt.pointer
        let list = try Python.evaluate("list(range(1000))")
        let listPointer = list.pointer

        // Raw C API: PyObject_Vectorcall of the cached math.sqrt with one float.
        harness.add("call math.sqrt(2.0)", "raw C API, GIL held", iterations: 2_000_000) { count in
            let state = PyGILState_Ensure()
            var total = 0.0
            for _ in 0..<count { total += rawSqrt(sqrtPointer, 2.0) }
            PyGILState_Release(state)
            blackHole(total)
        }
        harness.add(
            "call math.sqrt(2.0)", "runtime call, inside withGIL", baseline: "raw C API, GIL held",
            iterations: 2_000_000
        ) { count in
            try Python.withGIL {
                var total = 0.0
                for _ in 0..<count { total += try sqrt.call(2.0) as Double }
                blackHole(total)
            }
        }
        harness.add(
            "call math.sqrt(2.0)", "dynamic sqrt(2.0), inside withGIL", baseline: "raw C API, GIL held",
            iterations: 1_000_000
        ) { count in
            try Python.withGIL {
                var total = 0.0
                for _ in 0..<count { total += try Double(sqrt(2.0)) }
                blackHole(total)
            }
        }
        harness.add("call math.sqrt(2.0)", "raw C API, GIL per call", iterations: 1_000_000) { count in
            var total = 0.0
            for _ in 0..<count {
                let state = PyGILState_Ensure()
                total += rawSqrt(sqrtPointer, 2.0)
                PyGILState_Release(state)
            }
            blackHole(total)
        }
        harness.add(
            "call math.sqrt(2.0)", "runtime call, GIL per call", baseline: "raw C API, GIL per call",
            iterations: 1_000_000
        ) { count in
            var total = 0.0
            for _ in 0..<count { total += try sqrt.call(2.0) as Double }
            blackHole(total)
        }
        harness.add(
            "call math.sqrt(2.0)", "dynamic sqrt(2.0), GIL per call", baseline: "raw C API, GIL per call",
            iterations: 500_000
        ) { count in
            var total = 0.0
            for _ in 0..<count { total += try Double(sqrt(2.0)) }
            blackHole(total)
        }

        // [Int] from a 1,000-element list.
        harness.add("[Int] from list of 1,000", "raw C loop, GIL held", iterations: 20_000) { count in
            let state = PyGILState_Ensure()
            for _ in 0..<count { blackHole(rawIntList(listPointer)) }
            PyGILState_Release(state)
        }
        harness.add(
            "[Int] from list of 1,000", "runtime [Int](list), inside withGIL", baseline: "raw C loop, GIL held",
            iterations: 20_000
        ) { count in
            try Python.withGIL {
                for _ in 0..<count { blackHole(try [Int](list)) }
            }
        }
    }

    @inline(never)
    static func rawSqrt(_ function: PyObjectPointer, _ value: Double) -> Double {
        var argument: PyObjectPointer? = PyFloat_FromDouble(value)
        let result = withUnsafePointer(to: &argument) { PyObject_Vectorcall(function, $0, 1, nil) }!
        Py_DecRef(argument)
        let double = PyFloat_AsDouble(result)
        Py_DecRef(result)
        return double
    }

    @inline(never)
    static func rawIntList(_ list: PyObjectPointer) -> [Int] {
        let count = PyList_Size(list)
        var result: [Int] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(PyLong_AsLong(PyList_GetItem(list, index))) }
        return result
    }
}
