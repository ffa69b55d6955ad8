import Foundation
import PythonRuntime
import Testing

/// Spellings PythonKit users write, with Python's own answers: ranges as slices, augmented assignment, bytes
/// from any byte sequence.
@Suite("Dynamic API: ranges, augmented assignment, bytes")
struct DynamicSugarTests {
    static func evaluate(_ expression: String) throws -> PythonObject { try Python.evaluate(expression) }

    @Test func swiftRangesAreSlices() throws {
        let items = try Self.evaluate("list(range(10))")
        let cases: [(PythonObject, String)] = [
            (try items[2..<5], "[2, 3, 4]"), (try items[2...4], "[2, 3, 4]"), (try items[7...], "[7, 8, 9]"),
            (try items[..<3], "[0, 1, 2]"), (try items[...2], "[0, 1, 2]"), (try items[(-3)...], "[7, 8, 9]"),
        ]
        for (slice, expected) in cases { #expect(slice.description == expected) }
        #expect(try PythonObject(5..<10).description == "slice(5, 10, None)")
        #expect(try PythonObject(5...).description == "slice(5, None, None)")
        #expect(try PythonObject(..<5).description == "slice(None, 5, None)")
        #expect(try PythonObject(...Int.max).description == "slice(None, 9223372036854775808, None)")
        #expect(try String(Self.evaluate("'abcdef'")[1..<4]) == "bcd")
        try items.setItem(0..<8, to: [Int]())
        #expect(items.description == "[8, 9]")
    }

    @Test func slicesAndRangesBackAsSwiftRanges() throws {
        #expect(try Range<Int>(Self.evaluate("slice(2, 7)")) == 2..<7)
        #expect(try Range<Int>(Self.evaluate("slice(2, 7, 1)")) == 2..<7)
        #expect(try Range<Int>(Self.evaluate("range(3, 9)")) == 3..<9)
        for bad in ["slice(2, None)", "slice(0, 10, 2)", "range(9, 3)", "[1, 2]", "slice('a', 'b')"] {
            #expect(throws: PythonError.self, "\(bad)") { _ = try Range<Int>(Self.evaluate(bad)) }
        }
        do {
            _ = try Range<Int>(Self.evaluate("slice(0, 10, 2)"))
        } catch let error as PythonError {
            #expect(error.code == .conversionFailed)
            #expect(error.description.contains("step of 1"), "\(error)")
        }
    }

    @Test func aSliceOfANonSequenceIsAPythonError() throws {
        let number = PythonObject(42)
        #expect(throws: PythonError.self) { _ = try number[1..<3] }
        do {
            _ = try number[1..<3]
        } catch {
            #expect(error.typeName == "TypeError", "\(error)")
        }
    }

    @Test func augmentedAssignmentIsPythonsInPlaceOperation() throws {
        var total: PythonObject = 10
        try total += 5
        try total -= 3
        try total *= 4
        #expect(total.description == "48")
        try total /= 8
        #expect(total.description == "6.0")
        var bits: PythonObject = 0b1100
        try bits &= 0b1010
        try bits |= 0b0001
        try bits ^= 0b1111
        try bits <<= 2
        try bits >>= 1
        try bits %= 5
        #expect(try Int(bits) == (((((0b1100 & 0b1010) | 1) ^ 0b1111) << 2) >> 1) % 5)
        // A list grows in place: every copy sees it, as every name bound to it does in Python.
        var list = try Self.evaluate("[1]")
        let sameList = list
        try list += PythonObject([2, 3])
        #expect(sameList.description == "[1, 2, 3]")
        #expect(list.isIdentical(to: sameList))
        var text: PythonObject = "a"
        #expect(throws: PythonError.self) { try text -= 1 }
        #expect(text.description == "a", "a failed augmented assignment leaves the value as it was")
    }

    @Test func bytesFromAnyByteSequence() throws {
        let signed: [Int8] = [72, 105, -1, -128]
        #expect(try PythonObject(bytes: signed).pythonRepr() == "b'Hi\\xff\\x80'")
        let data = Data([1, 2, 3, 4])
        #expect(try PythonObject(bytes: data.reversed()).pythonRepr() == "b'\\x04\\x03\\x02\\x01'")
        #expect(try PythonObject(bytes: [UInt8](repeating: 7, count: 10)[2..<5]).pythonRepr() == "b'\\x07\\x07\\x07'")
        #expect(try PythonObject(bytes: (0..<3).lazy.map { UInt8($0 * 2) }).pythonRepr() == "b'\\x00\\x02\\x04'")
        #expect(try [UInt8](PythonObject(bytes: signed)) == [72, 105, 255, 128])
    }
}

@Suite("Dynamic API: literals and keyword order")
struct LiteralAndKeywordOrderTests {
    @Test func arrayLiteralsAreLists() throws {
        let row: PythonObject = [1, "two", 3.5, true, nil]
        #expect(row.description == "[1, 'two', 3.5, True, None]")
        let nested: PythonObject = [[1, 2], []]
        #expect(nested.description == "[[1, 2], []]")
    }

    @Test func strideGivesPythonsValues() throws {
        // PythonKit's `stride(from: PythonObject(0), to: 100, by: 2)`, with `try`; Python does the arithmetic.
        let evens = try PythonObject.stride(from: 0, to: 10, by: 2)
        #expect(try evens.map { try Int($0) } == [0, 2, 4, 6, 8])
        let down = try PythonObject.stride(from: 10, through: 0, by: -5)
        #expect(try down.map { try Int($0) } == [10, 5, 0])
        let fractions = try Python.import("fractions")
        let thirds = try PythonObject.stride(from: 0, through: 1, by: fractions.Fraction(1, 3))
        #expect(thirds.map(\.description) == ["0", "1/3", "2/3", "1"])
        // A zero step, or values Python cannot add or compare, are errors rather than endless loops or traps.
        let zero = #expect(throws: PythonError.self) { try PythonObject.stride(from: 0, to: 5, by: 0) }
        #expect(zero?.typeName == "ValueError")
        let mixed = #expect(throws: PythonError.self) { try PythonObject.stride(from: "a", to: 5, by: 1) }
        #expect(mixed?.typeName == "TypeError")
    }

    @Test func dictionariesKeepTheOrderWrittenAndMixKeys() throws {
        let frame = try PythonObject(dictionary: ["col 1": 3, "col 2": 5, "col 0": 1])
        #expect(frame.description == "{'col 1': 3, 'col 2': 5, 'col 0': 1}")
        let mixed = try PythonObject(dictionary: ["a": 1, 1: 0.5, nil: true])
        #expect(mixed.description == "{'a': 1, 1: 0.5, None: True}")
        // The literal form, as PythonKit writes it: the same dict, the last of repeated keys kept as in Python.
        let literal: PythonObject = ["col 1": 3, "col 2": 5, "col 0": 1]
        #expect(literal.description == "{'col 1': 3, 'col 2': 5, 'col 0': 1}")
        let mixedLiteral: PythonObject = ["a": 1, 1: 0.5, nil: true, "a": 2]
        #expect(mixedLiteral.description == "{'a': 2, 1: 0.5, None: True}")
        #expect(try String(Python.builtins.type(literal).__name__) == "dict")
    }

    @Test func anUnhashableKeyIsAPythonErrorAndLeaksNothing() throws {
        let gc = try Python.import("gc")
        let key: PythonObject = [1, 2]
        func dictionariesAlive() throws -> Int {
            _ = try gc.collect()
            return try Int(
                Python.evaluate(
                    "sum(1 for o in __import__('gc').get_objects() if type(o) is dict and o.get('marker') == 'pbg-unhashable')"
                ))
        }
        let before = try dictionariesAlive()
        for _ in 0..<100 {
            do {
                _ = try PythonObject(dictionary: ["marker": "pbg-unhashable", key: 1])
                Issue.record("a list key was accepted")
            } catch {
                #expect(error.typeName == "TypeError")
                #expect(error.description.contains("unhashable"), "\(error)")
            }
        }
        #expect(try dictionariesAlive() == before)
    }

    @Test func aSwiftClosureSeesKeywordArgumentsInCallOrder() throws {
        let describe = try PythonObject(callableWithOrderedKeywords: { arguments, keywords in
            try PythonObject(
                "\(arguments.count) " + keywords.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
        })
        let namespace = try Python.run("def call(f):\n    return f(1, 2, zebra=1, apple=2, mango=3)\n")
        let text: String = try namespace["call"].call(describe)
        #expect(text == "2 zebra=1,apple=2,mango=3")
        // The dictionary form still works, with the same arguments.
        let count = try PythonObject(callable: { arguments, keywords in
            try PythonObject(arguments.count * 10 + keywords.count)
        })
        let total: Int = try namespace["call"].call(count)
        #expect(total == 23)
    }
}

@Suite("Dynamic API: hashing")
struct HashingTests {
    @Test func pythonObjectsAsSetElementsAndDictionaryKeys() throws {
        let keys: [PythonObject] = [
            1, 1.0, true, "a", try Python.evaluate("(1, 2)"), try Python.evaluate("frozenset({3})"),
        ]
        let set = Set(try keys.map { try $0.hashable() })
        // 1, 1.0 and True are one key in Python.
        #expect(set.count == 4)
        var counts: [HashablePythonObject: Int] = [:]
        for key in keys { counts[try key.hashable(), default: 0] += 1 }
        #expect(counts[try PythonObject(1).hashable()] == 3)
        #expect(counts[try PythonObject("a").hashable()] == 1)
        #expect(try PythonObject("abc").hash() == Int(Python.evaluate("hash('abc')")))
    }

    @Test func anUnhashableObjectIsAPythonErrorNotATrap() throws {
        for expression in ["[1, 2]", "{'a': 1}", "{1, 2}"] {
            let object = try Python.evaluate(expression)
            #expect(throws: PythonError.self) { _ = try object.hashable() }
            do {
                _ = try object.hash()
            } catch {
                #expect(error.typeName == "TypeError")
                #expect(error.description.contains("unhashable"), "\(error)")
            }
        }
    }
}
