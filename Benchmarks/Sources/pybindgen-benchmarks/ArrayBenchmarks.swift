import CPython
import Foundation
import PyBindGenCore
import PyBindGenIntrospection
import PythonRuntime

/// A 1,000,000-element float64 array between NumPy and Swift, next to a plain `memcpy` of the same 8 MB and to
/// the element-by-element route through Python floats. Needs the NumPy environment the tests provision
/// (numpy-python3.X-numpy-2.4.6 in pybindgen's cache folder); skipped with a note otherwise.
enum ArrayBenchmarks {
    static func register(in harness: inout Harness) throws {
        let minor = try Python.versions().python.split(separator: ".").prefix(2).joined(separator: ".")
        let environment = TypingEnvironment.cacheDirectory() + "/numpy-python\(minor)-numpy-2.4.6"
        guard FileManager.default.fileExists(atPath: environment + "/.complete") else {
            print("(array benchmarks skipped: run the tests once to provision \(environment))")
            return
        }
        _ = try Python.run("import site\nsite.addsitedir('\(environment)/lib/python\(minor)/site-packages')")
        let count = 1_000_000
        let values = (0..<count).map(Double.init)
        let ndarray = try PythonObject.numpyArray(values)
        let list = try ndarray.tolist()
        // Kept for the life of the process: the cases run after this function returns.
        let destination = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 16)

        harness.add("1,000,000 float64", "memcpy of 8 MB", iterations: 40) { iterations in
            for _ in 0..<iterations {
                values.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                blackHole(destination.load(as: Double.self))
            }
        }
        harness.add("1,000,000 float64", "[Double](buffer: ndarray)", baseline: "memcpy of 8 MB", iterations: 40) {
            iterations in
            for _ in 0..<iterations { blackHole(try [Double](buffer: ndarray)) }
        }
        harness.add(
            "1,000,000 float64", "PythonObject.numpyArray([Double])", baseline: "memcpy of 8 MB", iterations: 40
        ) {
            iterations in
            for _ in 0..<iterations { blackHole(try PythonObject.numpyArray(values)) }
        }
        harness.add(
            "1,000,000 float64", "[Double](list): element by element through Python floats",
            baseline: "memcpy of 8 MB", iterations: 4
        ) { iterations in
            for _ in 0..<iterations { blackHole(try [Double](list)) }
        }
    }
}
