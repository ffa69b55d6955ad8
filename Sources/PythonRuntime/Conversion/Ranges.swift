import CPython

/// Swift ranges as Python `slice`s: `list[2..<5]` is `list[2:5]`, `list[2...]` is `list[2:]`, `list[..<3]` is
/// `list[:3]`, `list[...4]` is `list[:5]`; and a `slice` or `range` with a step of 1 back as `Range<Int>`.
@usableFromInline
enum SliceConversion {
    /// `slice(start, stop)`, `nil` bounds being `None`. GIL held.
    @inlinable
    static func slice(start: (some ConvertibleToPython)?, stop: (some ConvertibleToPython)?) throws(PythonError)
        -> PyObjectPointer
    {
        let startReference = try start?.pythonReference()
        defer { if let startReference { pyshim_DecRef(startReference) } }
        let stopReference = try stop?.pythonReference()
        defer { if let stopReference { pyshim_DecRef(stopReference) } }
        guard let slice = PySlice_New(startReference, stopReference, nil) else { throw PythonError.fetch() }
        return slice
    }

    /// `bound + 1`, computed by Python so that `...Int.max` does not overflow. GIL held.
    static func successor(of bound: some ConvertibleToPython) throws(PythonError) -> PythonObject {
        let value = PythonObject(owning: try bound.pythonReference())
        let one = PythonObject(owning: PyLong_FromLong(1)!)
        return try PythonObject(checkingNew: PyNumber_Add(value.pointer, one.pointer))
    }
}

extension Range: ConvertibleToPython where Bound: ConvertibleToPython {
    /// `slice(lowerBound, upperBound)`.
    @inlinable
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try SliceConversion.slice(start: lowerBound, stop: upperBound)
    }
}

extension ClosedRange: ConvertibleToPython where Bound: ConvertibleToPython {
    /// `slice(lowerBound, upperBound + 1)`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try SliceConversion.slice(start: lowerBound, stop: try SliceConversion.successor(of: upperBound))
    }
}

extension PartialRangeFrom: ConvertibleToPython where Bound: ConvertibleToPython {
    /// `slice(lowerBound, None)`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try SliceConversion.slice(start: lowerBound, stop: PythonObject?.none)
    }
}

extension PartialRangeUpTo: ConvertibleToPython where Bound: ConvertibleToPython {
    /// `slice(None, upperBound)`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try SliceConversion.slice(start: PythonObject?.none, stop: upperBound)
    }
}

extension PartialRangeThrough: ConvertibleToPython where Bound: ConvertibleToPython {
    /// `slice(None, upperBound + 1)`.
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        try SliceConversion.slice(start: PythonObject?.none, stop: try SliceConversion.successor(of: upperBound))
    }
}

extension Range: ConvertibleFromPython where Bound: ConvertibleFromPython {
    /// Accepts a `slice` or a `range` whose start and stop are both given, with no step or a step of 1, and
    /// `start <= stop` (`Range` cannot be reversed).
    /// - Throws: ``PythonError`` (conversion failed) naming what the object is instead.
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        guard pyshim_SliceCheck(object) != 0 || pyshim_RangeCheck(object) != 0 else {
            throw PythonError.conversion(expected: "slice or range with a step of 1", got: object)
        }
        func part(_ name: String) throws(PythonError) -> PythonObject {
            try PythonObject(checkingNew: PyObject_GetAttrString(object, name))
        }
        let step = try part("step")
        let start = try part("start")
        let stop = try part("stop")
        let unitStep = step.isNone || (try? Int(pythonReference: step.pointer)) == 1
        guard unitStep, !start.isNone, !stop.isNone else {
            throw PythonError.conversion(expected: "slice or range with both bounds and a step of 1", got: object)
        }
        let lower = try Bound(pythonReference: start.pointer)
        let upper = try Bound(pythonReference: stop.pointer)
        guard lower <= upper else {
            throw PythonError.conversion(expected: "slice or range whose start is not after its stop", got: object)
        }
        self = lower..<upper
    }
}

/// A value a generated subscript taking a Python `slice` accepts: a Swift range of integers (`items[2..<5]`,
/// `items[2...]`, `items[..<3]`, `items[...4]`) or a `PythonObject` holding a `slice`.
public protocol PythonSliceExpression: ConvertibleToPython {}

extension Range: PythonSliceExpression where Bound == Int {}
extension ClosedRange: PythonSliceExpression where Bound == Int {}
extension PartialRangeFrom: PythonSliceExpression where Bound == Int {}
extension PartialRangeUpTo: PythonSliceExpression where Bound == Int {}
extension PartialRangeThrough: PythonSliceExpression where Bound == Int {}
extension PythonObject: PythonSliceExpression {}
