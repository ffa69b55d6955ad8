import CPython

/// Python's augmented assignments: `x += y` runs `x.__iadd__(y)` (falling back to `x + y`, as in Python), so a
/// list grows in place — every copy of `x` sees it — while an `int` is replaced by the new value.
extension PythonObject {
    /// Applies an in-place C-API number operation and stores the result in `lhs`, reusing its reference when no
    /// other copy shares it (so `x += 1` in a loop allocates nothing on the Swift side).
    @inlinable
    static func inPlace(
        _ lhs: inout PythonObject, _ rhs: PythonObject,
        _ operation: (PyObjectPointer?, PyObjectPointer?) -> PyObjectPointer?
    ) throws(PythonError) {
        try Python.withGIL { () throws(PythonError) in
            guard let result = operation(lhs.pointer, rhs.pointer) else { throw PythonError.fetch() }
            if isKnownUniquelyReferenced(&lhs.reference) {
                pyshim_DecRef(lhs.reference.pointer)
                lhs.reference.pointer = result
            } else {
                lhs = PythonObject(owning: result)
            }
        }
    }

    /// `lhs += rhs`.
    @inlinable
    public static func += (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceAdd)
    }
    /// `lhs -= rhs`.
    @inlinable
    public static func -= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceSubtract)
    }
    /// `lhs *= rhs`.
    @inlinable
    public static func *= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceMultiply)
    }
    /// `lhs /= rhs` (true division).
    @inlinable
    public static func /= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceTrueDivide)
    }
    /// `lhs %= rhs`.
    @inlinable
    public static func %= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceRemainder)
    }
    /// `lhs &= rhs`.
    @inlinable
    public static func &= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceAnd)
    }
    /// `lhs |= rhs`.
    @inlinable
    public static func |= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceOr)
    }
    /// `lhs ^= rhs`.
    @inlinable
    public static func ^= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceXor)
    }
    /// `lhs <<= rhs`.
    @inlinable
    public static func <<= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceLshift)
    }
    /// `lhs >>= rhs`.
    @inlinable
    public static func >>= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        try inPlace(&lhs, rhs, PyNumber_InPlaceRshift)
    }
}
