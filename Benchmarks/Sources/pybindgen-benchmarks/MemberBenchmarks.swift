import CPython
import PyDatetime
import PythonRuntime

/// Generated properties and methods next to the raw C API doing the same work, GIL taken per operation.
enum MemberBenchmarks {
    static func register(in harness: inout Harness) throws {
        let date = try PyDatetime.Date(year: 1923, month: 4, day: 2)
        _ = try date.year  // interns the names before timing
        _ = try date.weekday()
        let object = date.object.pointer
        let (yearName, weekdayName) = try Python.withGIL { () throws(PythonError) in
            (PyUnicode_InternFromString("year")!, PyUnicode_InternFromString("weekday")!)
        }

        harness.add("property date.year", "raw GetAttr(interned) + PyLong_AsLong, GIL per read", iterations: 1_000_000)
        {
            count in
            var total = 0
            for _ in 0..<count {
                let state = PyGILState_Ensure()
                let value = PyObject_GetAttr(object, yearName)!
                total &+= PyLong_AsLong(value)
                pyshim_DecRef(value)
                PyGILState_Release(state)
            }
            blackHole(total)
        }
        harness.add(
            "property date.year", "try date.year", baseline: "raw GetAttr(interned) + PyLong_AsLong, GIL per read",
            iterations: 1_000_000
        ) { count in
            var total = 0
            for _ in 0..<count { total &+= try date.year }
            blackHole(total)
        }
        harness.add("method date.weekday()", "raw PyObject_VectorcallMethod, GIL per call", iterations: 1_000_000) {
            count in
            var total = 0
            var receiver: PyObjectPointer? = object
            for _ in 0..<count {
                let state = PyGILState_Ensure()
                let value = withUnsafePointer(to: &receiver) { PyObject_VectorcallMethod(weekdayName, $0, 1, nil) }!
                total &+= PyLong_AsLong(value)
                pyshim_DecRef(value)
                PyGILState_Release(state)
            }
            blackHole(total)
        }
        harness.add(
            "method date.weekday()", "try date.weekday()", baseline: "raw PyObject_VectorcallMethod, GIL per call",
            iterations: 1_000_000
        ) { count in
            var total = 0
            for _ in 0..<count { total &+= try date.weekday() }
            blackHole(total)
        }
    }
}
