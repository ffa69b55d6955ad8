import CPython

/// A Swift value that can be passed to Python.
///
/// Conformances exist for `Bool`, every integer type, `BigInt`, `Double`, `Float`, `String`, `[UInt8]`
/// and `Data` (as `bytes`), arrays, dictionaries, sets, optionals (`nil` is `None`) and ``PythonObject``.
public protocol ConvertibleToPython {
    /// Returns a new strong reference to a Python object equal to this value. The caller holds the GIL.
    /// - Throws: ``PythonError`` if the value has no Python counterpart (for example an unhashable set element).
    func pythonReference() throws(PythonError) -> PyObjectPointer
}

/// A Swift value that can be made from a Python object.
///
/// Conversions check types and ranges: a `str` never becomes a `Double`, a 2**70 never wraps into an `Int`.
public protocol ConvertibleFromPython {
    /// Creates a value from a borrowed Python object. The caller holds the GIL.
    /// - Throws: ``PythonError`` with code ``PythonError/Code/conversionFailed`` or
    ///   ``PythonError/Code/integerOverflow`` naming the expected type and the value found.
    init(pythonReference object: PyObjectPointer) throws(PythonError)
}

/// A value that converts both ways.
public typealias PythonConvertible = ConvertibleFromPython & ConvertibleToPython

extension ConvertibleFromPython {
    /// Converts a Python object to this type.
    /// - Throws: ``PythonError`` naming the expected type and the value found if the object does not convert.
    @inlinable
    public init(_ object: PythonObject) throws(PythonError) {
        self = try Python.withGIL { () throws(PythonError) -> Self in try Self(pythonReference: object.pointer) }
    }
}

extension PythonObject {
    /// Converts a Swift value to a Python object.
    /// - Throws: ``PythonError`` if the value has no Python counterpart.
    @inlinable
    public init(_ value: some ConvertibleToPython) throws(PythonError) {
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            PythonObject(owning: try value.pythonReference())
        }
    }

    /// Converts this object to a Swift type: `try object.converted(to: Double.self)`.
    /// - Throws: ``PythonError`` naming the expected type and the value found if the object does not convert.
    @inlinable
    public func converted<Value: ConvertibleFromPython>(to type: Value.Type = Value.self) throws(PythonError) -> Value {
        try Value(self)
    }
}

extension PythonObject: ConvertibleToPython, ConvertibleFromPython {
    @inlinable
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        pyshim_IncRef(pointer)
        return pointer
    }

    @inlinable
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        self.init(borrowing: object)
    }
}

extension Optional: ConvertibleToPython where Wrapped: ConvertibleToPython {
    /// `nil` becomes `None`.
    @inlinable
    public func pythonReference() throws(PythonError) -> PyObjectPointer {
        guard let self else {
            let none = pyshim_None()!
            pyshim_IncRef(none)
            return none
        }
        return try self.pythonReference()
    }
}

extension Optional: ConvertibleFromPython where Wrapped: ConvertibleFromPython {
    /// `None` becomes `nil`; anything else converts to `Wrapped`.
    @inlinable
    public init(pythonReference object: PyObjectPointer) throws(PythonError) {
        if pyshim_IsNone(object) != 0 {
            self = .none
        } else {
            self = .some(try Wrapped(pythonReference: object))
        }
    }
}
