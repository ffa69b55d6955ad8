import CPython

/// NumPy's functions the array conversions use, looked up on first use: NumPy stays optional (nothing here links
/// or imports it until an `ndarray` is made or a copy is asked for).
enum NumPy {
    static let frombuffer = PythonCallableReference(module: "numpy", "frombuffer")
    static let ascontiguousarray = PythonCallableReference(module: "numpy", "ascontiguousarray")

    /// `numpy.ascontiguousarray(object)`: a C-ordered copy of a strided array (the object itself if it already is).
    static func contiguous(_ object: PythonObject) throws(PythonError) -> PythonObject {
        try ascontiguousarray.call(object)
    }
}

extension Array where Element: PythonBufferElement {
    /// The items of a one-dimensional buffer (`ndarray`, `array.array`, `memoryview`, …) of `Element`s, in one
    /// copy: `try [Double](buffer: numpy.linspace(0, 1, 5))`.
    /// - Parameters:
    ///   - object: The exporter.
    ///   - makingContiguous: Copy a strided array with `numpy.ascontiguousarray` first instead of failing.
    /// - Throws: ``PythonError`` naming the expected and the actual format or shape, if the object has no buffer,
    ///   or if it is not contiguous and `makingContiguous` is false.
    public init(buffer object: PythonObject, makingContiguous: Bool = false) throws(PythonError) {
        let buffer = try PythonBuffer(makingContiguous ? NumPy.contiguous(object) : object)
        defer { buffer.release() }
        self = try buffer.elements(as: Element.self, rank: 1)
    }
}

extension Array {
    /// The rows of a two-dimensional buffer of `Scalar`s: `try [[Double]](matrixBuffer: numpy.eye(3))`.
    /// - Throws: ``PythonError`` naming the expected and the actual format or shape.
    public init<Scalar: PythonBufferElement>(
        matrixBuffer object: PythonObject, makingContiguous: Bool = false
    ) throws(PythonError) where Element == [Scalar] {
        let array = try PythonArray<Scalar>(buffer: object, makingContiguous: makingContiguous)
        guard array.shape.count == 2 else {
            throw PythonError(
                code: .conversionFailed, typeName: "ValueError",
                message: "expected 2 dimensions, got shape \(array.shape)")
        }
        let columns = array.shape[1]
        self = (0..<array.shape[0]).map { row in Array<Scalar>(array.flat[row * columns..<(row + 1) * columns]) }
    }
}

/// A numeric array of any number of dimensions: its shape and its items in C (row-major) order.
public struct PythonArray<Element: PythonBufferElement> {
    /// The extent of each dimension.
    public var shape: [Int]
    /// The items, last index fastest.
    public var flat: [Element]

    /// An array of `shape` holding `flat`.
    /// - Throws: ``PythonError`` if the shape's product is not `flat.count` or an extent is negative.
    public init(shape: [Int], flat: [Element]) throws(PythonError) {
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == flat.count else {
            throw PythonError(
                code: .conversionFailed, typeName: "ValueError",
                message: "shape \(shape) does not hold \(flat.count) items")
        }
        self.shape = shape
        self.flat = flat
    }

    /// The shape and items of a buffer of `Element`s of any rank, in one copy.
    /// - Throws: ``PythonError`` naming the expected and the actual format, or if the buffer is not contiguous
    ///   and `makingContiguous` is false.
    public init(buffer object: PythonObject, makingContiguous: Bool = false) throws(PythonError) {
        let buffer = try PythonBuffer(makingContiguous ? NumPy.contiguous(object) : object)
        defer { buffer.release() }
        flat = try buffer.elements(as: Element.self)
        shape = buffer.shape
    }

    /// A new `numpy.ndarray` with this shape and a copy of the items.
    /// - Throws: ``PythonError`` if NumPy cannot be imported.
    public func numpyArray() throws(PythonError) -> PythonObject {
        try PythonObject.numpyArray(flat, shape: shape)
    }
}

extension PythonArray: Sendable where Element: Sendable {}
extension PythonArray: Equatable where Element: Equatable {}

extension PythonObject {
    /// A new `numpy.ndarray` holding a copy of `values` (one copy, from the Swift storage straight into NumPy's),
    /// reshaped to `shape` when given: `try PythonObject.numpyArray([1.0, 2.0, 3.0, 4.0], shape: [2, 2])`.
    /// - Throws: ``PythonError`` if NumPy cannot be imported or `shape` does not hold `values.count` items.
    public static func numpyArray<Element: PythonBufferElement>(
        _ values: [Element], shape: [Int]? = nil
    ) throws(PythonError) -> PythonObject {
        let shape = shape ?? [values.count]
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == values.count else {
            throw PythonError(
                code: .conversionFailed, typeName: "ValueError",
                message: "shape \(shape) does not hold \(values.count) items")
        }
        return try Python.withGIL { () throws(PythonError) -> PythonObject in
            let frombuffer = PythonObject(borrowing: try NumPy.frombuffer.resolvedHoldingGIL())
            let copied = values.withUnsafeBytes { bytes in
                Result { () throws(PythonError) -> PythonObject in
                    // A memoryview over the Swift storage, alive only while NumPy copies from it.
                    let base = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!)
                    let view = try PythonObject(
                        checkingNew: PyMemoryView_FromMemory(
                            base.assumingMemoryBound(to: CChar.self), bytes.count, 0x100 /* PyBUF_READ */))
                    let borrowing = PythonObject(owning: try frombuffer.callHoldingGIL(view, Element.numpyTypeName))
                    return PythonObject(owning: try borrowing.attribute("copy").callHoldingGIL())
                }
            }
            let array = try copied.get()
            let reshaped = try array.attribute("reshape").callHoldingGIL(try PythonObject(shape))
            return PythonObject(owning: reshaped)
        }
    }

    /// A new two-dimensional `numpy.ndarray` from rows of equal length, in one copy of the items.
    /// - Throws: ``PythonError`` if the rows differ in length or NumPy cannot be imported.
    public static func numpyArray<Element: PythonBufferElement>(rows: [[Element]]) throws(PythonError) -> PythonObject {
        let columns = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == columns }) else {
            throw PythonError(
                code: .conversionFailed, typeName: "ValueError",
                message: "rows of different lengths: \(rows.map(\.count))")
        }
        return try numpyArray(rows.flatMap { $0 }, shape: [rows.count, columns])
    }
}
