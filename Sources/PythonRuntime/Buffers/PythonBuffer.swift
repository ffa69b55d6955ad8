import CPython
import Synchronization

/// Read access to the memory a Python object exports through the buffer protocol (PEP 3118): a NumPy `ndarray`,
/// `array.array`, `bytes`, `bytearray`, `memoryview`.
///
/// The exporter keeps the memory alive and unchanged in size while the buffer is held: a `bytearray` cannot be
/// resized, an `ndarray` cannot be reshaped in place. The export is released exactly once — by ``release()`` or
/// when the value dies — from any thread (it takes the GIL). Reading needs no GIL, so many threads can read one
/// buffer at once.
public final class PythonBuffer: @unchecked Sendable {
    /// The `Py_buffer` Python filled; its address must not move while the export is held.
    private let view: UnsafeMutablePointer<Py_buffer>
    private let released = Atomic<Bool>(false)

    /// The `struct` format of one item, e.g. `d` (`float64`), `B` (bytes), `<i`.
    public let format: String
    /// The size of one item in bytes.
    public let itemSize: Int
    /// The extent of each dimension (empty for a scalar).
    public let shape: [Int]
    /// The byte step of each dimension.
    public let strides: [Int]
    /// Whether the items lie in one block in C (row-major) order, as ``withUnsafeBytes(_:)`` needs.
    public let isContiguous: Bool
    /// The number of bytes the items take.
    public let byteCount: Int
    /// The number of items (the product of ``shape``).
    public var count: Int { byteCount / Swift.max(itemSize, 1) }

    /// Takes a read-only export of `object`'s memory.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/conversionFailed`` if the object does not support the
    ///   buffer protocol, naming its type.
    public init(_ object: PythonObject) throws(PythonError) {
        let view = UnsafeMutablePointer<Py_buffer>.allocate(capacity: 1)
        let contiguous = Python.withGIL { () -> Bool? in
            guard PyObject_GetBuffer(object.pointer, view, pyshim_BufferRecordsReadOnly()) == 0 else { return nil }
            return PyBuffer_IsContiguous(view, CChar(UInt8(ascii: "C"))) != 0
        }
        guard let contiguous else {
            view.deallocate()
            throw Python.withGIL { () -> PythonError in
                PyErr_Clear()
                return PythonError.conversion(expected: "an object with the buffer protocol", got: object.pointer)
            }
        }
        let buffer = view.pointee
        let rank = Int(buffer.ndim)
        self.view = view
        format = buffer.format.map { String(cString: $0) } ?? "B"
        itemSize = buffer.itemsize
        shape = rank == 0 || buffer.shape == nil ? [] : (0..<rank).map { buffer.shape[$0] }
        strides = rank == 0 || buffer.strides == nil ? [] : (0..<rank).map { buffer.strides[$0] }
        byteCount = buffer.len
        isContiguous = contiguous
    }

    deinit {
        release()
        view.deallocate()
    }

    /// Releases the export now (once; later calls do nothing). Reading afterwards is an error.
    public func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        Python.withGIL { PyBuffer_Release(view) }
    }

    /// Calls `body` with the items' bytes.
    /// - Throws: ``PythonError`` if the buffer was released or is not contiguous, or what `body` throws.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        guard !released.load(ordering: .acquiring) else {
            throw PythonError(code: .conversionFailed, typeName: "BufferError", message: "the buffer was released")
        }
        guard isContiguous else {
            throw PythonError(
                code: .conversionFailed, typeName: "BufferError",
                message: "expected a C-contiguous buffer, got strides \(strides) for shape \(shape)")
        }
        return try body(UnsafeRawBufferPointer(start: view.pointee.buf, count: byteCount))
    }

    /// The items, copied once into a Swift array in C order, after checking the format and, when `rank` is
    /// given, the number of dimensions.
    /// - Throws: ``PythonError`` naming the expected and the actual format or shape.
    public func elements<Element: PythonBufferElement>(
        as type: Element.Type = Element.self, rank: Int? = nil
    ) throws(PythonError) -> [Element] {
        try check(Element.self, rank: rank)
        do {
            return try withUnsafeBytes { bytes in
                [Element](unsafeUninitializedCapacity: count) { storage, initialized in
                    if let base = bytes.baseAddress, count > 0 {
                        UnsafeMutableRawPointer(storage.baseAddress!).copyMemory(from: base, byteCount: byteCount)
                    }
                    initialized = count
                }
            }
        } catch let error as PythonError {
            throw error
        } catch {
            throw PythonError(code: .conversionFailed, typeName: "BufferError", message: "\(error)")
        }
    }

    /// Checks that the items are `Element`s and, when given, that there are `rank` dimensions.
    func check<Element: PythonBufferElement>(_ type: Element.Type, rank: Int?) throws(PythonError) {
        let code = Self.nativeFormat(format)
        guard let code, Element.bufferFormats.contains(code), itemSize == MemoryLayout<Element>.size else {
            throw PythonError(
                code: .conversionFailed, typeName: "TypeError",
                message:
                    "expected a buffer of \(Element.self) (format \(Element.bufferFormats.sorted().joined(separator: " or ")), "
                    + "\(MemoryLayout<Element>.size) bytes), got format '\(format)' of \(itemSize) bytes")
        }
        if let rank, shape.count != rank {
            throw PythonError(
                code: .conversionFailed, typeName: "ValueError",
                message: "expected \(rank) dimension\(rank == 1 ? "" : "s"), got shape \(shape)")
        }
    }

    /// `d` for `d`, `@d`, `=d` and (on a little-endian machine) `<d`; nil for a foreign byte order or a
    /// compound format.
    static func nativeFormat(_ format: String) -> String? {
        var code = Substring(format)
        if let first = code.first, "@=<>!".contains(first) {
            let littleEndian = 1.littleEndian == 1
            guard first == "@" || first == "=" || (first == "<" && littleEndian) || (first == ">" && !littleEndian)
            else { return nil }
            code = code.dropFirst()
        }
        return code.count == 1 ? String(code) : nil
    }
}
