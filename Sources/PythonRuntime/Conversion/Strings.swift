import CPython

extension String: PythonConvertible {
    /// Any Swift string converts, including embedded NUL and characters outside the BMP.
    @inlinable public func pythonReference() throws(PythonError) -> PyObjectPointer {
        var copy = self
        let object = copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PyUnicode_FromStringAndSize($0.baseAddress, $0.count) }
        }
        guard let object else { throw PythonError.fetch() }
        return object
    }

    /// Accepts `str`; a string with lone surrogates (not valid Unicode scalars) is a conversion error.
    @inlinable public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard pyshim_UnicodeCheck(object) != 0 else { throw PythonError.conversion(expected: "str", got: object) }
        var size = 0
        guard let utf8 = PyUnicode_AsUTF8AndSize(object, &size) else {
            let reason = PythonError.fetch()
            throw PythonError(
                code: .conversionFailed, typeName: "UnicodeEncodeError",
                message: "str is not valid Unicode and cannot become a Swift String (\(reason.message))")
        }
        self = utf8.withMemoryRebound(to: UInt8.self, capacity: size) {
            String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self)
        }
    }
}
