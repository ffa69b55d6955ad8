import CPython
import PythonRuntime

/// The dynamic API's hashing, augmented assignment and slicing next to the raw C API doing the same work.
enum DynamicBenchmarks {
    static func register(in harness: inout Harness) throws {
        let text = PythonObject("a key of some length")
        let textPointer = text.pointer
        harness.add("hash(str)", "raw PyObject_Hash, GIL held", iterations: 2_000_000) { count in
            let state = PyGILState_Ensure()
            var total = 0
            for _ in 0..<count { total &+= PyObject_Hash(textPointer) }
            PyGILState_Release(state)
            blackHole(total)
        }
        harness.add(
            "hash(str)", "object.hash(), inside withGIL", baseline: "raw PyObject_Hash, GIL held",
            iterations: 2_000_000
        ) { count in
            try Python.withGIL {
                var total = 0
                for _ in 0..<count { total &+= try text.hash() }
                blackHole(total)
            }
        }

        let one = PythonObject(1)
        let onePointer = one.pointer
        harness.add("x += 1", "raw PyNumber_InPlaceAdd, GIL held", iterations: 2_000_000) { count in
            let state = PyGILState_Ensure()
            var value = PyLong_FromLong(0)!
            for _ in 0..<count {
                let next = PyNumber_InPlaceAdd(value, onePointer)!
                Py_DecRef(value)
                value = next
            }
            blackHole(PyLong_AsLong(value))
            Py_DecRef(value)
            PyGILState_Release(state)
        }
        harness.add(
            "x += 1", "try x += 1, inside withGIL", baseline: "raw PyNumber_InPlaceAdd, GIL held",
            iterations: 2_000_000
        ) { count in
            try Python.withGIL {
                var value: PythonObject = 0
                for _ in 0..<count { try value += one }
                blackHole(value)
            }
        }

        let list = try Python.evaluate("list(range(100))")
        let listPointer = list.pointer
        harness.add("list[2..<5]", "raw PySlice_New + PyObject_GetItem, GIL held", iterations: 1_000_000) { count in
            let state = PyGILState_Ensure()
            for _ in 0..<count {
                let start = PyLong_FromLong(2)!
                let stop = PyLong_FromLong(5)!
                let slice = PySlice_New(start, stop, nil)!
                let items = PyObject_GetItem(listPointer, slice)!
                Py_DecRef(items)
                Py_DecRef(slice)
                Py_DecRef(stop)
                Py_DecRef(start)
            }
            PyGILState_Release(state)
        }
        harness.add(
            "list[2..<5]", "try list[2..<5], inside withGIL", baseline: "raw PySlice_New + PyObject_GetItem, GIL held",
            iterations: 1_000_000
        ) { count in
            try Python.withGIL {
                for _ in 0..<count { blackHole(try list[2..<5]) }
            }
        }
    }
}
