/// Swift's `stride(from:to:by:)` for Python values, with `try`: `PythonObject` cannot be `Strideable`, because
/// Python's `+` and `<` can raise.
extension PythonObject {
    /// The values from `start` up to, not including, `end` (down to, when `step` is negative), each the previous
    /// plus `step`, computed by Python: `try PythonObject.stride(from: 0, to: 100, by: 2)` is `[0, 2, …, 98]`,
    /// and floats, `Fraction`s or `Decimal`s stride as Python adds them.
    /// - Throws: ``PythonError`` (`ValueError`) if `step` is zero, or whatever Python raises adding or comparing.
    public static func stride(from start: PythonObject, to end: PythonObject, by step: PythonObject) throws(PythonError)
        -> [PythonObject]
    {
        try values(from: start, by: step) { (value, ascending) throws(PythonError) -> Bool in
            if ascending { return try value < end }
            return try value > end
        }
    }

    /// The values from `start` up to and including `end` (down to, when `step` is negative), each the previous
    /// plus `step`: `try PythonObject.stride(from: 0, through: 10, by: 5)` is `[0, 5, 10]`.
    /// - Throws: ``PythonError`` (`ValueError`) if `step` is zero, or whatever Python raises adding or comparing.
    public static func stride(from start: PythonObject, through end: PythonObject, by step: PythonObject)
        throws(PythonError) -> [PythonObject]
    {
        try values(from: start, by: step) { (value, ascending) throws(PythonError) -> Bool in
            if ascending { return try value <= end }
            return try value >= end
        }
    }

    private static func values(
        from start: PythonObject, by step: PythonObject,
        while isInRange: (PythonObject, Bool) throws(PythonError) -> Bool
    ) throws(PythonError) -> [PythonObject] {
        let zero: PythonObject = 0
        guard try step != zero else {
            throw PythonError(code: .pythonException, typeName: "ValueError", message: "stride step must not be zero")
        }
        let ascending = try step > zero
        var values: [PythonObject] = []
        var value = start
        while try isInRange(value, ascending) {
            values.append(value)
            value = try value + step
        }
        return values
    }
}
