import CPython

/// Conversions item by item, for values Swift cannot convert through ``ConvertibleFromPython`` alone: generated
/// code uses them for results that hold tuples (`list[tuple[str, int]]` → `[(String, Int)]`). They are not
/// members of ``PythonObject``, whose member names belong to Python attributes.
public enum PythonItemConversion {
    /// Converts every item of a Python list (or any iterable) with `convert`.
    /// - Throws: ``PythonError`` if the object is not iterable or an item does not convert (naming its index).
    public static func list<Element>(
        _ object: PythonObject, converting convert: (PythonObject) throws(PythonError) -> Element
    ) throws(PythonError) -> [Element] {
        let items = try [PythonObject](object)
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            do {
                result.append(try convert(item))
            } catch {
                throw error.adding(context: "item \(index)")
            }
        }
        return result
    }

    /// Converts a Python dict: keys with their ``ConvertibleFromPython`` conversion, values with `convert`.
    /// - Throws: ``PythonError`` if the object is not a mapping or a key or value does not convert.
    public static func dictionary<Key: ConvertibleFromPython & Hashable, Value>(
        _ object: PythonObject, keys: Key.Type, converting convert: (PythonObject) throws(PythonError) -> Value
    ) throws(PythonError) -> [Key: Value] {
        let items = try [Key: PythonObject](object)
        var result: [Key: Value] = [:]
        result.reserveCapacity(items.count)
        for (key, item) in items {
            do {
                result[key] = try convert(item)
            } catch {
                throw error.adding(context: "value for key \(key)")
            }
        }
        return result
    }

    /// `nil` for `None`, otherwise `convert(object)`.
    /// - Throws: what `convert` throws.
    public static func optional<Wrapped>(
        _ object: PythonObject, converting convert: (PythonObject) throws(PythonError) -> Wrapped
    ) throws(PythonError) -> Wrapped? {
        try Python.withGIL { () throws(PythonError) -> Wrapped? in object.isNone ? nil : try convert(object) }
    }
}
