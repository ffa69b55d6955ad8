import PythonRuntime
import Testing

@Suite("The dynamic PythonObject escape hatch")
struct DynamicObjectTests {
    @Test func keywordArgumentsAndConvertedResults() throws {
        let builtins = try Python.builtins
        let sorted = try [Int](builtins.sorted([3, 1, 2], reverse: true))
        #expect(sorted == [3, 2, 1])
        let text = try String(builtins.format(3.14159, ".2f"))
        #expect(text == "3.14")
        let packed = try [Int](builtins.list(try builtins.range(2, 10, 3)))
        #expect(packed == [2, 5, 8])
        let viaCall: Double = try Python.import("math").sqrt.call(16.0)
        #expect(viaCall == 4.0)
        let keywords = try builtins.dict.call(arguments: [], keywordArguments: ["a": 1, "b": "x"])
        #expect(try Int(keywords["a"]) == 1)
    }

    @Test func arithmeticOperators() throws {
        let a: PythonObject = 17
        let b: PythonObject = 5
        #expect(try Int(a + b) == 22)
        #expect(try Int(a - b) == 12)
        #expect(try Int(a * b) == 85)
        #expect(try Double(a / b) == 3.4)
        #expect(try Int(a % b) == 2)
        #expect(try Int(PythonObject(-17) % b) == 3)
        #expect(try Int(a.floorDivided(by: b)) == 3)
        #expect(try Int(PythonObject(-17).floorDivided(by: b)) == -4)
        #expect(try Int(b.raised(to: 3)) == 125)
        let (quotient, remainder) = try a.quotientAndRemainder(dividingBy: b)
        #expect(try Int(quotient) == 3 && Int(remainder) == 2)
        #expect(try Int(-a) == -17)
        #expect(try Int(+a) == 17)
        #expect(try Int(~a) == -18)
        #expect(try String(PythonObject("ab") + "cd") == "abcd")
        let zero = #expect(throws: PythonError.self) { try a / 0 }
        #expect(zero?.typeName == "ZeroDivisionError")
        #expect(throws: PythonError.self) { try PythonObject("a") - 1 }
    }

    @Test func bitwiseAndComparisonOperators() throws {
        let x: PythonObject = 60
        #expect(try Int(x & 13) == 12)
        #expect(try Int(x | 13) == 61)
        #expect(try Int(x ^ 13) == 49)
        #expect(try Int(x << 2) == 240)
        #expect(try Int(x >> 2) == 15)
        #expect(try x > 13)
        #expect(try x >= 60)
        #expect(try !(x < 13))
        #expect(try x <= 60)
        #expect(try x == 60)
        #expect(try x != 61)
        #expect(throws: PythonError.self) { try x < "text" }
    }

    @Test func containmentSubscriptsAndLength() throws {
        let list = try PythonObject([10, 20, 30])
        #expect(try list.contains(20))
        #expect(try !list.contains(99))
        #expect(try list.length == 3)
        #expect(try Int(list[1]) == 20)
        #expect(try Int(list[-1]) == 30)
        try list.setItem(0, to: 11)
        #expect(try [Int](list) == [11, 20, 30])
        try list.deleteItem(1)
        #expect(try [Int](list) == [11, 30])
        let index = #expect(throws: PythonError.self) { try list[10] }
        #expect(index?.typeName == "IndexError")
        let dictionary = try PythonObject(["k": "v"])
        #expect(try String(dictionary["k"]) == "v")
        let key = #expect(throws: PythonError.self) { try dictionary["missing"] }
        #expect(key?.typeName == "KeyError")
        #expect(throws: PythonError.self) { try PythonObject(5).length }
    }

    @Test func attributesAndText() throws {
        let types = try Python.import("types")
        let namespace = try types.SimpleNamespace(x: 1)
        try namespace.setAttribute("y", to: "two")
        #expect(try String(namespace.y) == "two")
        #expect(namespace.hasAttribute("x"))
        #expect(try PythonObject("q").pythonRepr() == "'q'")
        #expect(try PythonObject("q").pythonString() == "q")
        #expect(PythonObject(42).description == "42")
        #expect(PythonObject("q").debugDescription == "'q'")
        #expect(try Python.import("datetime").date(2020, 1, 2).typeName == "datetime.date")
    }

    @Test func iteration() throws {
        var iterator = try Python.builtins.range(3).makePythonIterator()
        var seen: [Int] = []
        while let item = try iterator.next() { seen.append(try Int(item)) }
        #expect(seen == [0, 1, 2])
        let items = try PythonObject(["a": 1]).elements()
        #expect(try items.map { try String($0) } == ["a"])
        #expect(throws: PythonError.self) { try PythonObject(1).makePythonIterator() }
        let failing = try Python.evaluate("(1 // (2 - i) for i in range(4))")
        var generator = try failing.makePythonIterator()
        #expect(try generator.next() != nil)
        #expect(try generator.next() != nil)
        let raised = #expect(throws: PythonError.self) { try generator.next() }
        #expect(raised?.typeName == "ZeroDivisionError")
    }

    @Test func contextManagerExitRunsOnSuccessAndError() throws {
        let source = """
            class Manager:
                def __init__(self, suppress):
                    self.events = []
                    self.suppress = suppress
                def __enter__(self):
                    self.events.append('enter')
                    return self
                def __exit__(self, kind, value, traceback):
                    self.events.append('exit:' + (kind.__name__ if kind else 'None'))
                    return self.suppress
            """
        let namespace = try Python.run(source)
        let managerType = try namespace["Manager"]
        let calm = try managerType(false)
        let result = try calm.with { value in try Python.builtins.len(value.events).converted(to: Int.self) }
        #expect(result == 1)
        #expect(try [String](calm.events) == ["enter", "exit:None"])

        let failing = try managerType(false)
        #expect(throws: PythonError.self) {
            try failing.with { _ in try Python.builtins.int("x") }
        }
        #expect(try [String](failing.events) == ["enter", "exit:ValueError"])

        let suppressing = try managerType(true)
        let suppressed = try suppressing.with { _ in try Python.builtins.int("x") }
        #expect(suppressed == nil)
        #expect(try [String](suppressing.events) == ["enter", "exit:ValueError"])

        struct SwiftFailure: Error {}
        let swiftError = try managerType(false)
        #expect(throws: SwiftFailure.self) { try swiftError.with { _ in throw SwiftFailure() } }
        #expect(try [String](swiftError.events) == ["enter", "exit:RuntimeError"])
    }
}
