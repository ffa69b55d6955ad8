import CPython
import FoundationEssentials

/// `bytes` and `bytearray` contents.
@usableFromInline
enum ByteConversion {
    /// The contents of a `bytes` or `bytearray`, or `nil` for any other object. GIL held.
    @usableFromInline
    static func bytes(_ object: PyObjectPointer) throws(PythonError) -> [UInt8]? {
        if pyshim_BytesCheck(object) != 0 {
            var buffer: UnsafeMutablePointer<CChar>?
            var size = 0
            guard PyBytes_AsStringAndSize(object, &buffer, &size) == 0, let buffer else { throw PythonError.fetch() }
            return buffer.withMemoryRebound(to: UInt8.self, capacity: size) {
                Array(UnsafeBufferPointer(start: $0, count: size))
            }
        }
        if pyshim_ByteArrayCheck(object) != 0 {
            let size = PyByteArray_Size(object)
            guard let start = PyByteArray_AsString(object) else { return [] }
            return start.withMemoryRebound(to: UInt8.self, capacity: size) {
                Array(UnsafeBufferPointer(start: $0, count: size))
            }
        }
        return nil
    }
}

extension Data: PythonConvertible {
    /// Becomes `bytes`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try [UInt8](self).pythonReference()
    }

    /// Accepts `bytes` or `bytearray`.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard let bytes = try ByteConversion.bytes(object) else {
            throw PythonError.conversion(expected: "bytes", got: object)
        }
        self = Data(bytes)
    }
}

extension PythonObject {
    /// A Python `bytes` from any sequence of bytes — contiguous or not (`data.reversed()`, a slice, a lazy map).
    /// - Throws: ``PythonError`` if Python cannot allocate it.
    public init(bytes: some Sequence<UInt8>) throws(PythonError) {
        try self.init(Array(bytes))
    }

    /// A Python `bytes` from signed bytes, each taken as its bit pattern (`-1` is `0xff`), as C's `char` data is.
    /// - Throws: ``PythonError`` if Python cannot allocate it.
    public init(bytes: some Sequence<Int8>) throws(PythonError) {
        try self.init(bytes.map { UInt8(bitPattern: $0) })
    }
}
