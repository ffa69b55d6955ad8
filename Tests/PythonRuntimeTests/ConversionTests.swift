import BigInt
import Foundation
import PythonRuntime
import Testing

@Suite("Conversions between Swift and Python")
struct ConversionTests {
    /// Sends a value to Python and back.
    func roundTrip<Value: PythonConvertible>(_ value: Value) throws -> Value {
        try Value(PythonObject(value))
    }

    func evaluate(_ expression: String) throws -> PythonObject {
        try Python.evaluate(expression)
    }

    @Test func booleans() throws {
        #expect(try roundTrip(true) == true)
        #expect(try roundTrip(false) == false)
        #expect(try evaluate("1 == 1").converted(to: Bool.self))
        let error = #expect(throws: PythonError.self) { try Bool(evaluate("1")) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.message == "expected bool, got int 1")
    }

    @Test func fixedWidthIntegerEdges() throws {
        #expect(try roundTrip(Int.max) == Int.max)
        #expect(try roundTrip(Int.min) == Int.min)
        #expect(try roundTrip(UInt.max) == UInt.max)
        #expect(try roundTrip(UInt64.max) == UInt64.max)
        #expect(try roundTrip(Int8.min) == Int8.min)
        #expect(try roundTrip(Int16.max) == Int16.max)
        #expect(try roundTrip(Int32.min) == Int32.min)
        #expect(try roundTrip(UInt8.max) == UInt8.max)
        #expect(try roundTrip(UInt16.max) == UInt16.max)
        #expect(try roundTrip(UInt32.max) == UInt32.max)
        #expect(try Int8(evaluate("-128")) == -128)
        #expect(try Int(evaluate("True")) == 1)
    }

    @Test(arguments: [
        ("300", "Int8"), ("-129", "Int8"), ("256", "UInt8"), ("-1", "UInt8"), ("2**63", "Int"),
        ("-2**63 - 1", "Int64"), ("2**64", "UInt64"), ("-1", "UInt"), ("2**31", "Int32"), ("65536", "UInt16"),
    ])
    func integerOverflowIsAnErrorNamingTheValue(expression: String, type: String) throws {
        let object = try evaluate(expression)
        let error = #expect(throws: PythonError.self) {
            switch type {
            case "Int8": _ = try Int8(object)
            case "UInt8": _ = try UInt8(object)
            case "Int": _ = try Int(object)
            case "Int64": _ = try Int64(object)
            case "UInt64": _ = try UInt64(object)
            case "UInt": _ = try UInt(object)
            case "Int32": _ = try Int32(object)
            case "UInt16": _ = try UInt16(object)
            default: Issue.record("unknown type \(type)")
            }
        }
        #expect(error?.code == .integerOverflow)
        let value = try String(object.pythonRepr())
        #expect(error?.message == "Python int \(value) does not fit in \(type)")
    }

    @Test func bigIntegers() throws {
        let huge = BigInt("-123456789012345678901234567890123456789")
        #expect(try roundTrip(huge) == huge)
        #expect(try roundTrip(BigInt(0)) == 0)
        #expect(try BigInt(evaluate("2**70")) == BigInt(1) << 70)
        #expect(try BigUInt(evaluate("2**100")) == BigUInt(1) << 100)
        #expect(throws: PythonError.self) { try BigUInt(evaluate("-1")) }
        let text = try String(Python.builtins.str(PythonObject(huge)))
        #expect(text == huge.description)
    }

    @Test func floatingPoint() throws {
        #expect(try roundTrip(0.1) == 0.1)
        #expect(try roundTrip(-Double.greatestFiniteMagnitude) == -Double.greatestFiniteMagnitude)
        #expect(try roundTrip(Double.infinity) == .infinity)
        #expect(try roundTrip(Double.nan).isNaN)
        #expect(try roundTrip(Float(1.5)) == 1.5)
        #expect(try Double(evaluate("7")) == 7.0)
        #expect(try Double(evaluate("__import__('fractions').Fraction(1, 4)")) == 0.25)
        let tooBig = #expect(throws: PythonError.self) { try Double(evaluate("10**400")) }
        #expect(tooBig?.code == .integerOverflow)
        let floatOverflow = #expect(throws: PythonError.self) { try Float(evaluate("1e300")) }
        #expect(floatOverflow?.code == .integerOverflow)
    }

    @Test func strings() throws {
        let samples = [
            "", "héllo", "emoji 🐍 and 𝄞 outside the BMP", "embedded\u{0}nul", String(repeating: "ß", count: 10_000),
        ]
        for sample in samples { #expect(try roundTrip(sample) == sample) }
        #expect(try Int(Python.builtins.len(PythonObject("🐍"))) == 1)
        #expect(try Int(Python.builtins.len(PythonObject("a\u{0}b"))) == 3)
    }

    @Test func bytes() throws {
        let bytes: [UInt8] = [0, 1, 2, 255, 0]
        let object = try PythonObject(bytes)
        #expect(object.typeName == "bytes")
        #expect(try [UInt8](object) == bytes)
        #expect(try [UInt8](evaluate("bytearray(b'ab')")) == [97, 98])
        #expect(try [UInt8](evaluate("[1, 2, 3]")) == [1, 2, 3])
        let data = Data([9, 8, 7])
        #expect(try PythonObject(data).typeName == "bytes")
        #expect(try roundTrip(data) == data)
        #expect(throws: PythonError.self) { try Data(evaluate("'text'")) }
    }

    @Test func collections() throws {
        #expect(try roundTrip([1, 2, 3]) == [1, 2, 3])
        #expect(try roundTrip([[1.5], []]) == [[1.5], []])
        #expect(try PythonObject([1, 2]).typeName == "list")
        #expect(try [Int](evaluate("(4, 5)")) == [4, 5])
        #expect(try [Int](evaluate("range(3)")) == [0, 1, 2])
        #expect(try roundTrip(["a": 1, "b": 2]) == ["a": 1, "b": 2])
        #expect(try roundTrip(Set([1, 2, 3])) == Set([1, 2, 3]))
        #expect(try Set<String>(evaluate("frozenset({'x'})")) == ["x"])
        #expect(try roundTrip([Int?.none, 1]) == [nil, 1])
        let element = #expect(throws: PythonError.self) { try [Int](evaluate("[1, 2, 'three']")) }
        #expect(element?.message == "element 2: expected int, got str 'three'")
        let value = #expect(throws: PythonError.self) { try [String: Int](evaluate("{'a': 1.5}")) }
        #expect(value?.message == "value for key 'a': expected int, got float 1.5")
        #expect(throws: PythonError.self) { try [String](evaluate("'abc'")) }
    }

    @Test func optionals() throws {
        #expect(try Int?(evaluate("None")) == nil)
        #expect(try Int?(evaluate("5")) == 5)
        #expect(try PythonObject(Int?.none).isNone)
        let promised = #expect(throws: PythonError.self) { try Int(evaluate("None")) }
        #expect(promised?.message == "expected int, got NoneType None")
    }

    @Test func tuples() throws {
        let tuple = try PythonObject(tuple: 1, "two", 3.0)
        #expect(tuple.typeName == "tuple")
        let (a, b, c) = try tuple.tuple(of: Int.self, String.self, Double.self)
        #expect(a == 1 && b == "two" && c == 3.0)
        #expect(throws: PythonError.self) { try tuple.tuple(of: Int.self, String.self) }
        let wrongItem = #expect(throws: PythonError.self) { try tuple.tuple(of: Int.self, Int.self, Double.self) }
        #expect(wrongItem?.message == "item 1: expected int, got str 'two'")
    }
}
