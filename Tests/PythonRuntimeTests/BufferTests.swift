import Foundation
import PythonRuntime
import Testing

/// Buffers and numeric arrays: the standard library's exporters, NumPy arrays both ways, every bad input.
@Suite("Buffers and numeric arrays")
struct BufferTests {
    let numpy: PythonObject

    /// Provisions NumPy (once per machine) and puts it on the interpreter's path.
    init() throws {
        numpy = try NumPyEnvironment.numpy.get()
    }

    /// Round trip through an `ndarray` of the matching dtype.
    func roundTrip<Element: PythonBufferElement & Equatable>(_ values: [Element]) throws {
        let array = try PythonObject.numpyArray(values)
        #expect(try String(array.dtype.name) == Element.numpyTypeName)
        #expect(try [Element](buffer: array) == values, "\(Element.self)")
        #expect(try [Element](buffer: array).count == Int(numpy.size(array)))
    }

    @Test func everyElementTypeRoundTrips() throws {
        try roundTrip([1.5, -2.25, .infinity, 0])
        try roundTrip([Float(1.5), -2.25, 3])
        try roundTrip([Int.min, -1, 0, Int.max])
        try roundTrip([Int64.min, 42, Int64.max])
        try roundTrip([Int32.min, 7, Int32.max])
        try roundTrip([UInt8(0), 127, 255])
        try roundTrip([true, false, true])
        // The values arrive as NumPy computes with them.
        let doubled = try numpy.multiply(PythonObject.numpyArray([1.0, 2.0, 3.5]), 2)
        #expect(try [Double](buffer: doubled) == [2.0, 4.0, 7.0])
    }

    @Test func emptyArrays() throws {
        let empty = try PythonObject.numpyArray([Double]())
        #expect(try [Int](empty.shape) == [0])
        #expect(try [Double](buffer: empty).isEmpty)
        #expect(try [Double](buffer: numpy.zeros(0)).isEmpty)
        #expect(try PythonArray<Int32>(buffer: numpy.zeros(PythonObject([0, 3]), dtype: "int32")).shape == [0, 3])
    }

    @Test func twoAndMoreDimensions() throws {
        let rows: [[Double]] = [[1, 2, 3], [4, 5, 6]]
        let matrix = try PythonObject.numpyArray(rows: rows)
        #expect(try [Int](matrix.shape) == [2, 3])
        #expect(try [[Double]](matrixBuffer: matrix) == rows)
        #expect(
            try [[Double]](matrixBuffer: numpy.transpose(matrix), makingContiguous: true) == [
                [1, 4], [2, 5], [3, 6],
            ])
        let cube = try PythonArray(shape: [2, 2, 2], flat: Array(0..<8).map(Int64.init))
        let ndarray = try cube.numpyArray()
        #expect(try Int(ndarray[PythonObject(tuple: 1, 0, 1)]) == 5)
        #expect(try PythonArray<Int64>(buffer: ndarray) == cube)
    }

    @Test func standardLibraryExporters() throws {
        let doubles = try Python.evaluate("__import__('array').array('d', [0.5, 1.5])")
        #expect(try [Double](buffer: doubles) == [0.5, 1.5])
        let ints = try Python.evaluate("__import__('array').array('i', [-3, 4])")
        #expect(try [Int32](buffer: ints) == [-3, 4])
        #expect(try [UInt8](buffer: Python.evaluate("b'\\x00\\x01\\xff'")) == [0, 1, 255])
        #expect(try [UInt8](buffer: Python.evaluate("bytearray(b'ab')")) == [97, 98])
        #expect(try [UInt8](buffer: Python.evaluate("memoryview(b'xyz')[1:]")) == [121, 122])
        let buffer = try PythonBuffer(doubles)
        #expect(buffer.format == "d" && buffer.itemSize == 8 && buffer.shape == [2] && buffer.isContiguous)
        #expect(try buffer.elements(as: Double.self) == [0.5, 1.5])
    }

    @Test func wrongInputsAreErrorsNamingBothSides() throws {
        let floats = try PythonObject.numpyArray([1.0, 2.0])
        let dtype = #expect(throws: PythonError.self) { try [Int](buffer: floats) }
        #expect(dtype?.code == .conversionFailed)
        #expect(dtype?.message.contains("expected a buffer of Int") == true, "\(String(describing: dtype))")
        #expect(dtype?.message.contains("got format 'd'") == true)

        let matrix = try PythonObject.numpyArray([1.0, 2.0, 3.0, 4.0], shape: [2, 2])
        let rank = #expect(throws: PythonError.self) { try [Double](buffer: matrix) }
        #expect(rank?.message == "expected 1 dimension, got shape [2, 2]")
        let flat = #expect(throws: PythonError.self) { try [[Double]](matrixBuffer: floats) }
        #expect(flat?.message == "expected 2 dimensions, got shape [2]")

        let strided = try numpy.arange(10.0)[Python.evaluate("slice(None, None, 2)")]
        let contiguity = #expect(throws: PythonError.self) { try [Double](buffer: strided) }
        #expect(contiguity?.message.contains("expected a C-contiguous buffer, got strides [16]") == true)
        #expect(try [Double](buffer: strided, makingContiguous: true) == [0, 2, 4, 6, 8])

        let notABuffer = #expect(throws: PythonError.self) { try [Double](buffer: PythonObject(42)) }
        #expect(notABuffer?.message.contains("expected an object with the buffer protocol, got int") == true)

        let shape = #expect(throws: PythonError.self) { try PythonObject.numpyArray([1.0, 2.0, 3.0], shape: [2, 2]) }
        #expect(shape?.message == "shape [2, 2] does not hold 3 items")
        let ragged = #expect(throws: PythonError.self) { try PythonObject.numpyArray(rows: [[1.0], [2.0, 3.0]]) }
        #expect(ragged?.message == "rows of different lengths: [1, 2]")
        #expect(throws: PythonError.self) { try PythonArray(shape: [-1], flat: [1.0]) }
    }

    @Test func theExportIsReleasedWhenTheValueDies() throws {
        let bytes = try Python.evaluate("bytearray(b'abc')")
        let grow = { () throws(PythonError) in _ = try bytes.extend(Python.evaluate("b'd'")) }
        do {
            let buffer = try PythonBuffer(bytes)
            #expect(buffer.count == 3)
            let held = #expect(throws: PythonError.self) { try grow() }
            #expect(held?.typeName == "BufferError", "a held export pins the bytearray's size")
        }
        try grow()  // the buffer died: the export count is back to zero
        let explicit = try PythonBuffer(bytes)
        explicit.release()
        explicit.release()  // once only
        try grow()
        #expect(throws: PythonError.self) { try explicit.withUnsafeBytes { $0.count } }
        #expect(try [UInt8](buffer: bytes) == Array("abcdd".utf8))
    }

    @Test func eightThreadsReadOneBuffer() async throws {
        let buffer = try PythonBuffer(PythonObject.numpyArray(Array(0..<100_000).map(Double.init)))
        let sums = try await withThrowingTaskGroup(of: Double.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try buffer.withUnsafeBytes { bytes in bytes.bindMemory(to: Double.self).reduce(0, +) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sums == Array(repeating: 4_999_950_000.0, count: 8))
    }

    @Test func aHundredMegabyteArrayIsCopiedOnce() throws {
        let count = 12_500_000  // 100 MB of float64
        let array = try numpy.arange(Double(count))
        _ = try Python.import("gc").collect()
        let before = LeakTests.residentBytes()
        let values = try [Double](buffer: array)
        let growth = LeakTests.residentBytes() - before
        #expect(values.count == count && values[count - 1] == Double(count - 1))
        #expect(growth < 2 * 100_000_000, "RSS grew \(growth) bytes for one 100 MB copy")
        let back = try PythonObject.numpyArray(values)
        #expect(try Bool(numpy.array_equal(back, array)))
    }

    @Test func conversionsLeaveTheObjectCountFlat() throws {
        let sys = try Python.import("sys")
        let gc = try Python.import("gc")
        let source = try PythonObject.numpyArray([1.0, 2.0, 3.0])
        let number = PythonInstance(unchecked: PythonObject(7))
        let real = PythonMemberName("real")
        // Per window: 25,000 array conversions and 250,000 property reads (100,000 and 1,000,000 in all).
        func workload(_ iterations: Int) throws {
            for _ in 0..<iterations {
                let values = try [Double](buffer: source)
                var sum = 0
                for _ in 0..<10 {
                    let value: Int = try number.attribute(real)
                    sum += value
                }
                if values.count != 3 || sum != 70 { Issue.record("wrong values") }
            }
        }
        try workload(1_000)
        var growth: [Int] = []
        for _ in 0..<4 {
            _ = try gc.collect()
            let before = try Int(sys.getallocatedblocks())
            try workload(25_000)
            _ = try gc.collect()
            growth.append(try Int(sys.getallocatedblocks()) - before)
        }
        #expect(growth.min()! < 2_500, "Python blocks grew in every window: \(growth)")
    }
}
