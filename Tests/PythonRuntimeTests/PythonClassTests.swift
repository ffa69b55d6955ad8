import PythonRuntime
import Testing

/// Swift closures as instance, class and static methods and properties, and Python classes defined from Swift —
/// subclassing a Python class and handing the instance back to Python code that calls its hooks.
@Suite("Python classes from Swift")
struct PythonClassTests {
    static let framework = """
        class Greeter:
            def __init__(self, name):
                self.name = name
            def greet(self):
                return self.prefix() + self.name + self.suffix()
            def prefix(self):
                return "Hello, "
            def suffix(self):
                return "."

        def drive(greeter):
            return greeter.greet()

        def raise_and_catch(error_type):
            try:
                raise error_type("bad input")
            except ValueError as error:
                return type(error).__name__ + ": " + str(error)
        """

    @Test func aSwiftSubclassOverridesATemplateMethodThatPythonCalls() throws {
        let namespace = try Python.run(Self.framework)
        let polite = try PythonObject.makeClass(
            "Polite", bases: [try namespace["Greeter"]],
            members: [
                "prefix": try PythonObject(instanceMethod: { arguments, _ in
                    try PythonObject("Good day, " + String(arguments[0].attribute("title")) + " ")
                }),
                "title": "Dr.",
            ])
        let instance = try polite.call("Ada")
        let text: String = try namespace["drive"].call(instance)
        #expect(text == "Good day, Dr. Ada.")
        // Python sees a real subclass.
        #expect(try Bool(Python.builtins.isinstance(instance, namespace["Greeter"])))
        #expect(try String(polite.attribute("__name__")) == "Polite")
    }

    @Test func initAndTypedMethodsReceiveSelf() throws {
        let counter = try PythonObject.makeClass(
            "Counter",
            members: [
                "__init__": try PythonObject(instanceMethod: { arguments, keywords in
                    try arguments[0].setAttribute("count", to: keywords["start"] ?? arguments.dropFirst().first ?? 0)
                    return Python.none
                }),
                "add": try PythonObject(instanceMethod: { (this: PythonObject, amount: Int) -> Int in
                    let total = try Int(this.attribute("count")) + amount
                    try this.setAttribute("count", to: total)
                    return total
                }),
                "doubled": try PythonObject(property: { this in try PythonObject(Int(this.attribute("count")) * 2) }),
                "zero": try PythonObject(classMethod: { arguments, _ in try arguments[0].call(0) }),
                "describe": try PythonObject(staticMethod: { arguments, _ in
                    try PythonObject("counts by \(arguments.count == 1 ? try Int(arguments[0]) : 1)")
                }),
            ])
        let counter5 = try counter.call(5)
        #expect(try Int(counter5.add(3)) == 8)
        #expect(try Int(counter5.doubled) == 16)
        let fromKeyword = try counter(start: 10)
        #expect(try Int(fromKeyword.count) == 10)
        #expect(try Int(counter.zero().count) == 0)
        #expect(try String(counter.describe(2)) == "counts by 2")
        #expect(try String(counter5.describe()) == "counts by 1")
    }

    @Test func anExceptionSubclassFromSwiftIsRaisedAndCaughtInPython() throws {
        let namespace = try Python.run(Self.framework)
        let validation = try PythonObject.makeClass("ValidationError", bases: [try Python.builtins.ValueError])
        let caught: String = try namespace["raise_and_catch"].call(validation)
        #expect(caught == "ValidationError: bad input")
    }

    @Test func aTypedMethodCalledWithTheWrongArityRaisesTypeError() throws {
        let box = try PythonObject.makeClass(
            "Box",
            members: ["put": try PythonObject(instanceMethod: { (this: PythonObject, value: Int) -> Int in value })])
        let instance = try box.call()
        #expect(throws: PythonError.self) { _ = try instance.put() }
        #expect(throws: PythonError.self) { _ = try instance.put(1, 2) }
        #expect(throws: PythonError.self) { _ = try instance.put("not an int") }
        do {
            _ = try instance.put(1, 2)
        } catch {
            #expect(error.typeName == "TypeError", "\(error)")
        }
        #expect(try Int(instance.put(7)) == 7)
    }

    @Test func aBaseThatCannotBeSubclassedIsAPythonError() throws {
        #expect(throws: PythonError.self) {
            _ = try PythonObject.makeClass("Impossible", bases: [try Python.builtins.bool])
        }
    }
}
