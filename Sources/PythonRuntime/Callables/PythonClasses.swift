import CPython

/// Swift closures as members of Python classes, and Python classes defined from Swift — which is what subclassing
/// a Python class from Swift needs: a framework base class with hooks, an `Exception` subclass.
///
/// ```swift
/// let greeter = try Python.run(source)["Greeter"]          // class Greeter: def greet(self, name): …
/// let polite = try PythonObject.makeClass("Polite", bases: [greeter], members: [
///     "prefix": try PythonObject(instanceMethod: { arguments, _ in "Good day, " }),
/// ])
/// let text = try polite().greet("Ada")                        // Greeter.greet calls the Swift prefix
/// ```
extension PythonObject {
    /// A Python instance method that runs a Swift closure: `self` is the first of `arguments`, the call's own
    /// arguments follow. Put it in a class (`makeClass(_:bases:members:)`, or `setattr` on an existing class);
    /// Python binds it like a `def`.
    /// - Throws: ``PythonError`` if Python cannot make the method object.
    public init(
        instanceMethod body: @escaping ([PythonObject], [String: PythonObject]) throws -> PythonObject
    ) throws(PythonError) {
        let function = try PythonObject(callable: body)
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: PyInstanceMethod_New(function.pointer))
        }
    }

    /// A Python instance method that runs a typed Swift closure: `self` as a `PythonObject`, then the call's
    /// arguments converted to the closure's types; a call with another number of arguments, or with one that
    /// does not convert, raises `TypeError` in Python.
    /// - Throws: ``PythonError`` if Python cannot make the method object.
    public init<each Argument: ConvertibleFromPython, Result: ConvertibleToPython>(
        instanceMethod body: @escaping (PythonObject, repeat each Argument) throws -> Result
    ) throws(PythonError) {
        let function = try PythonObject(callable: body)
        self = try Python.withGIL { () throws(PythonError) -> PythonObject in
            try PythonObject(checkingNew: PyInstanceMethod_New(function.pointer))
        }
    }

    /// A class method that runs a Swift closure: the class is the first of `arguments`.
    /// - Throws: ``PythonError`` if Python cannot make the method object.
    public init(
        classMethod body: @escaping ([PythonObject], [String: PythonObject]) throws -> PythonObject
    ) throws(PythonError) {
        self = try Python.builtins.attribute("classmethod").call(try PythonObject(callable: body))
    }

    /// A static method that runs a Swift closure: no `self` or class is passed.
    /// - Throws: ``PythonError`` if Python cannot make the method object.
    public init(
        staticMethod body: @escaping ([PythonObject], [String: PythonObject]) throws -> PythonObject
    ) throws(PythonError) {
        self = try Python.builtins.attribute("staticmethod").call(try PythonObject(callable: body))
    }

    /// A read-only property whose getter is a Swift closure receiving `self`.
    /// - Throws: ``PythonError`` if Python cannot make the property.
    public init(property getter: @escaping (PythonObject) throws -> PythonObject) throws(PythonError) {
        let function = try PythonObject(callable: { (object: PythonObject) in try getter(object) })
        self = try Python.builtins.attribute("property").call(function)
    }

    /// Defines a Python class, as `type(name, bases, members)` does: members are values, Swift instance, class
    /// and static methods and properties (`init(instanceMethod:)`, `init(classMethod:)`, `init(staticMethod:)`, `init(property:)`), or Python functions; `__init__` and
    /// other special methods work like a `def` of the same name. With no bases the class derives from
    /// `object`.
    /// - Throws: ``PythonError`` if Python refuses the class (a base that cannot be subclassed, a layout
    ///   conflict between bases).
    public static func makeClass(
        _ name: String, bases: [PythonObject] = [], members: [String: PythonObject] = [:]
    ) throws(PythonError) -> PythonObject {
        let namespace = try PythonObject(dictionary: [:])
        for (member, value) in members.sorted(by: { $0.key < $1.key }) { try namespace.setItem(member, to: value) }
        let baseTuple = try Python.withGIL { () throws(PythonError) -> PythonObject in
            let list = PythonObject(owning: try bases.pythonReference())
            return try PythonObject(checkingNew: PyList_AsTuple(list.pointer))
        }
        return try Python.builtins.attribute("type").call(name, baseTuple, namespace)
    }
}
