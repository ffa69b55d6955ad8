import Foundation
import PythonRuntime
import Synchronization
import Testing

/// Swift closures handed to Python as callables: called by Python's own functions and threads, errors both ways,
/// lifetime tied to Python's last reference.
@Suite("Swift closures as Python callables")
struct SwiftClosureTests {
    struct Refusal: Error, CustomStringConvertible {
        var reason: String
        var description: String { "refused: \(reason)" }
    }

    @Test func sortedWithASwiftKey() throws {
        let key = try PythonObject(callable: { (value: Int) in -value })
        let sorted = try [Int](Python.builtins.sorted([3, 1, 2], key: key))
        #expect(sorted == [3, 2, 1])
        let byLength = try PythonObject(callable: { (word: String) in word.count })
        #expect(try [String](Python.builtins.sorted(["ccc", "a", "bb"], key: byLength)) == ["a", "bb", "ccc"])
    }

    @Test func regularExpressionReplacement() throws {
        let re = try Python.import("re")
        let doubled = try PythonObject(callable: { (match: PythonObject) -> String in
            String(try Int(String(match.group(0)))! * 2)
        })
        #expect(try String(re.sub("\\d+", doubled, "a1 b22 c333")) == "a2 b44 c666")
    }

    @Test func functoolsReduce() throws {
        let add = try PythonObject(callable: { (total: Int, value: Int) in total + value })
        #expect(try Int(Python.import("functools").reduce(add, [1, 2, 3, 4], 10)) == 20)
    }

    @Test func dynamicFormGetsPositionalAndKeywordArguments() throws {
        let describe = try PythonObject(callable: { arguments, keywords in
            let names = keywords.keys.sorted().joined(separator: ",")
            return try PythonObject("\(arguments.count) positional, keywords: \(names)")
        })
        #expect(try String(describe(1, 2, sep: "-", end: "!")) == "2 positional, keywords: end,sep")
    }

    @Test func calledFromAPythonThread() throws {
        let calls = Mutex<[Bool]>([])
        let record = try PythonObject(callable: { () in
            calls.withLock { $0.append(Thread.isMainThread) }
        })
        let threading = try Python.import("threading")
        let thread = try threading.Thread(target: record)
        try thread.start()
        try thread.join()
        #expect(calls.withLock { $0 } == [false])
        #expect(try Int(Python.builtins.len(Python.evaluate("[1]"))) == 1, "the interpreter is fine afterwards")
    }

    @Test func errorsCrossIntoPythonAndBackOut() throws {
        let refuse = try PythonObject(callable: { (value: Int) throws -> Int in
            throw Refusal(reason: "no \(value)")
        })
        let namespace = try Python.run(
            """
            def catching(f):
                try:
                    f(7)
                except Exception as error:
                    return type(error).__name__ + ": " + str(error)
            def calling(f):
                return f(8)
            """)
        #expect(try String(namespace["catching"](refuse)) == "SwiftError: refused: no 7")
        let error = #expect(throws: PythonError.self) { try namespace["calling"](refuse) }
        #expect(error?.typeName == "swift_pybindgen.SwiftError")
        #expect((error?.swiftError as? Refusal)?.reason == "no 8", "the original Swift error comes back out")

        // A Python exception raised inside the closure reaches Python as itself.
        let parse = try PythonObject(callable: { (text: String) in try Int(Python.builtins.int(text)) })
        let valueError = #expect(throws: PythonError.self) { try parse("not a number") }
        #expect(valueError?.typeName == "ValueError")
    }

    @Test func wrongArgumentsAreTypeErrorsInPython() throws {
        let half = try PythonObject(callable: { (value: Double) in value / 2 })
        let count = #expect(throws: PythonError.self) { try half(1, 2) }
        #expect(count?.typeName == "TypeError")
        #expect(count?.message == "the Swift closure takes 1 argument, got 2")
        let type = #expect(throws: PythonError.self) { try half("x") }
        #expect(type?.typeName == "TypeError")
        let keywords = #expect(throws: PythonError.self) { try half(value: 1.0) }
        #expect(keywords?.message == "a typed Swift closure takes positional arguments only")
        #expect(try Double(half(3)) == 1.5, "still callable after the errors")
    }

    @Test func capturesAreReleasedWhenPythonDropsTheCallable() throws {
        final class Flag: Sendable {
            let isSet = Atomic<Bool>(false)
        }
        final class Witness: Sendable {
            let flag: Flag
            init(_ flag: Flag) { self.flag = flag }
            deinit { flag.isSet.store(true, ordering: .releasing) }
        }
        let released = Flag()
        do {
            let witness = Witness(released)
            let callable = try PythonObject(callable: { () in _ = witness.flag })
            let holder = try Python.evaluate("[]")
            _ = try holder.append(callable)
            _ = try callable()
            _ = try holder.clear()
        }
        _ = try Python.import("gc").collect()
        let isReleased = released.isSet.load(ordering: .acquiring)
        #expect(isReleased, "the closure's captures died with the last Python reference")
    }

    @Test func aMillionCallsFromPythonLeaveMemoryFlat() throws {
        let sys = try Python.import("sys")
        let gc = try Python.import("gc")
        let square = try PythonObject(callable: { (value: Int) in value &* value })
        let loop = try Python.run(
            """
            def loop(f, n):
                total = 0
                for i in range(n):
                    total += f(i)
                return total
            """)["loop"]
        _ = try loop(square, 10_000)
        var growth: [Int] = []
        var resident: [Int] = []
        // Python's block count is process-wide and other suites run alongside: a leak grows it in every window,
        // so one quiet window in eight clears the closure.
        for _ in 0..<8 {
            _ = try gc.collect()
            let blocks = try Int(sys.getallocatedblocks())
            let rss = LeakTests.residentBytes()
            _ = try loop(square, 250_000)
            _ = try gc.collect()
            growth.append(try Int(sys.getallocatedblocks()) - blocks)
            resident.append(LeakTests.residentBytes() - rss)
        }
        #expect(growth.min()! < 2_500, "Python blocks grew in every window: \(growth)")
        #expect(resident.min()! < 2 << 20, "RSS grew in every window: \(resident)")
        #expect(try Int(loop(square, 4)) == 14)
    }
}
