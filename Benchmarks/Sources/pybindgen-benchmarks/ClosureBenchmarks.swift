import PythonRuntime

/// Python calling Swift: `sorted` with a Swift closure as its key, next to the same `sorted` with a Python
/// `lambda`, on 1,000 ints (times are per call of `sorted`).
enum ClosureBenchmarks {
    static func register(in harness: inout Harness) throws {
        let sorted = try Python.builtins.sorted
        let values = try PythonObject(Array((0..<1_000).reversed()))
        let lambda = try Python.evaluate("lambda x: -x")
        let closure = try PythonObject(callable: { (value: Int) in -value })

        harness.add("sorted(1,000 ints, key:)", "Python lambda key", iterations: 2_000) { count in
            for _ in 0..<count { blackHole(try sorted.call(arguments: [values], keywordArguments: ["key": lambda])) }
        }
        harness.add(
            "sorted(1,000 ints, key:)", "Swift closure key", baseline: "Python lambda key", iterations: 2_000
        ) { count in
            for _ in 0..<count { blackHole(try sorted.call(arguments: [values], keywordArguments: ["key": closure])) }
        }
    }
}
