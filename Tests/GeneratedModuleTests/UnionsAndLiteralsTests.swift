import Foundation
import PyBuiltins
import PyDatetime
import PyMath
import PythonRuntime
import Testing

/// One declaration per Python signature, through the committed bindings: union parameters take each of their
/// members, `Literal[…]` parameters take generated enumerations.
@Suite("Union parameters and literal enumerations (committed bindings)")
struct UnionsAndLiteralsTests {
    @Test func aUnionParameterTakesEachMember() throws {
        // `int(x: str | bytes | bytearray, base: int)`: one declaration, a String or bytes.
        #expect(try PyBuiltins.int("ff", base: 16) == 255)
        #expect(try PyBuiltins.int(Array("ff".utf8), base: 16) == 255)
    }

    @Test func openTakesItsModeAsAnEnumeration() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("literal-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: path) }
        let writer = try PyBuiltins.open(file: path.path, mode: .w, encoding: "utf-8")
        try writer.write("ada")
        try writer.close()
        let binary = try PyBuiltins.open(file: path.path, mode: .rb)
        #expect(try [UInt8](binary.read()) == Array("ada".utf8))
        try binary.close()
        #expect(PyBuiltins.OpenTextMode.rPlus.rawValue == "r+")
        #expect(PyBuiltins.OpenTextMode.allCases.contains(.w))
    }

    @Test func aSliceSubscriptTakesSwiftRanges() throws {
        // `range.__getitem__(slice) -> range`: `range(10)[2:5]`, `[7:]`, `[:3]`, `[:5]` (through 4).
        let numbers = try PyBuiltins.Range(10)
        #expect(try [Int](PythonObject(numbers[2..<5])) == [2, 3, 4])
        #expect(try [Int](PythonObject(numbers[7...])) == [7, 8, 9])
        #expect(try [Int](PythonObject(numbers[..<3])) == [0, 1, 2])
        #expect(try [Int](PythonObject(numbers[...4])) == [0, 1, 2, 3, 4])
        #expect(try numbers[3] == 3)
        // A slice object from Python works too; a key of another type is refused by Python.
        let step = try Python.builtins.slice(0, 10, 3)
        #expect(try [Int](PythonObject(numbers[step])) == [0, 3, 6, 9])
        #expect(throws: PythonError.self) { try numbers[PythonObject("x")] }
    }

    @Test func wrapperObjectsAreSetElementsThroughPythonsHash() throws {
        let first = try PyDatetime.Date(year: 2020, month: 1, day: 1)
        let same = try PyDatetime.Date(year: 2020, month: 1, day: 1)
        let other = try PyDatetime.Date(year: 2021, month: 1, day: 1)
        let dates: Set = [try first.hashable(), try same.hashable(), try other.hashable()]
        #expect(dates.count == 2)
        // An unhashable object is a TypeError, not a trap.
        let error = #expect(throws: PythonError.self) { try PyBuiltins.Bytearray().hashable() }
        #expect(error?.typeName == "TypeError")
    }

    @Test func aLiteralConvertsBothWaysAndRefusesOtherValues() throws {
        let mode = try PyBuiltins.OpenTextMode(PythonObject("w"))
        #expect(mode == .w)
        #expect(try String(PythonObject(PyBuiltins.OpenTextMode.rPlus)) == "r+")
        let error = #expect(throws: PythonError.self) { try PyBuiltins.OpenTextMode(PythonObject("wat")) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.message.contains("wat is not one of the values OpenTextMode allows") == true)
        // A value of the wrong type is refused by the raw value's own conversion.
        #expect(throws: PythonError.self) { try PyBuiltins.OpenTextMode(PythonObject(3)) }
    }
}
