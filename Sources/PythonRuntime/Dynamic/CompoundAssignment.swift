import CPython

/// Python's augmented assignments: `x += y` runs `x.__iadd__(y)` (falling back to `x + y`, as in Python), so a
/// list grows in place — every copy of `x` sees it — while an `int` is replaced by the new value.
extension PythonObject {
    /// `lhs += rhs`.
    public static func += (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceAdd)
    }
    /// `lhs -= rhs`.
    public static func -= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceSubtract)
    }
    /// `lhs *= rhs`.
    public static func *= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceMultiply)
    }
    /// `lhs /= rhs` (true division).
    public static func /= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceTrueDivide)
    }
    /// `lhs %= rhs`.
    public static func %= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceRemainder)
    }
    /// `lhs &= rhs`.
    public static func &= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceAnd)
    }
    /// `lhs |= rhs`.
    public static func |= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceOr)
    }
    /// `lhs ^= rhs`.
    public static func ^= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceXor)
    }
    /// `lhs <<= rhs`.
    public static func <<= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceLshift)
    }
    /// `lhs >>= rhs`.
    public static func >>= (lhs: inout PythonObject, rhs: PythonObject) throws(PythonError) {
        lhs = try binary(lhs, rhs, PyNumber_InPlaceRshift)
    }
}
