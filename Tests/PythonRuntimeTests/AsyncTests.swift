import Foundation
import PythonRuntime
import Synchronization
import Testing

/// Async Python as Swift concurrency: awaiting coroutines, async iteration, Swift async closures as coroutine
/// functions, cancellation both ways — against the real asyncio loop.
@Suite("Async Python", .serialized)
struct AsyncTests {
    static let module = Result { () throws(PythonError) -> PythonObject in
        try Python.run(
            """
            import asyncio

            state = {"finally": 0, "closed": 0, "produced": 0}

            async def add_later(a, b, delay=0.01):
                await asyncio.sleep(delay)
                return a + b

            async def fail_later(message):
                await asyncio.sleep(0.001)
                raise ValueError(message)

            async def sleep_forever():
                try:
                    await asyncio.sleep(3600)
                finally:
                    state["finally"] += 1

            async def count(n):
                try:
                    for i in range(n):
                        state["produced"] += 1
                        await asyncio.sleep(0)
                        yield i
                finally:
                    state["closed"] += 1

            async def drive(callback, value):
                return await callback(value) + 1

            async def drive_and_cancel(callback):
                task = asyncio.ensure_future(callback(0))
                await asyncio.sleep(0.05)
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    return "cancelled"
                return "finished"
            """)
    }

    static func function(_ name: String) throws -> PythonObject { try module.get()[name] }

    static func state(_ key: String) throws -> Int { try Int(try module.get()["state"][key]) }

    @Test func aCoroutineIsAwaitedWithItsResult() async throws {
        let sum: Int = try await Self.function("add_later").call(20, 22).awaited()
        #expect(sum == 42)
        let text: String = try await Python.import("asyncio").sleep.call(0.001, "done").awaited()
        #expect(text == "done")
    }

    @Test func manyAwaitsFromManyTasks() async throws {
        let add = try Self.function("add_later")
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let coroutine: PythonObject = try add.call(index, 1, 0.001)
                    return try await coroutine.awaited()
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sums.sorted() == Array(1...200))
    }

    @Test func aThousandConcurrentAwaitsOverlapOnTheLoop() async throws {
        // Each coroutine waits until all 1,000 have arrived: that finishes only if every await is suspended on
        // the loop at once (awaited one after another, the first would wait out its 60 s deadline and fail).
        let namespace = try Python.run(
            """
            import asyncio

            class Meeting:
                def __init__(self, parties):
                    self.parties, self.arrived, self.everyone = parties, 0, None

                async def meet(self, index):
                    if self.everyone is None:
                        self.everyone = asyncio.Event()
                    self.arrived += 1
                    if self.arrived == self.parties:
                        self.everyone.set()
                    await asyncio.wait_for(self.everyone.wait(), 60)
                    return index
            """)
        let meeting = try namespace["Meeting"].call(1_000)
        let meet = try meeting.attribute("meet")
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<1_000 {
                group.addTask {
                    let coroutine: PythonObject = try meet.call(index)
                    return try await coroutine.awaited()
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(total == (0..<1_000).reduce(0, +))
        #expect(try Int(meeting.attribute("arrived")) == 1_000)
    }

    @Test func awaitingFromThreadsAndTasksAtOnce() async throws {
        let add = try Self.function("add_later")
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    // A plain thread that awaits through a task of its own, beside the cooperative ones.
                    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                        Thread {
                            Task {
                                do {
                                    let coroutine: PythonObject = try add.call(index, 100, 0.001)
                                    continuation.resume(returning: try await coroutine.awaited())
                                } catch {
                                    continuation.resume(throwing: error)
                                }
                            }
                        }.start()
                    }
                }
                group.addTask { try await add.call(index, 200, 0.001).awaited() }
            }
            return try await group.reduce(0, +)
        }
        #expect(sums == (0..<8).reduce(0) { $0 + 2 * $1 + 300 })
    }

    @Test func aHundredThousandAwaitsLeaveObjectsFlat() async throws {
        let measure = try Python.run(
            """
            import concurrent.futures, gc, types
            # What an await makes: its coroutine, the future, the done-callback and its capsule. (Counting only
            # these keeps other suites running in the process from moving the count.)
            KINDS = (types.CoroutineType, concurrent.futures.Future, types.BuiltinFunctionType, types.CapsuleType
                     if hasattr(types, "CapsuleType") else type(None))
            def live_objects():
                gc.collect()
                return sum(1 for o in gc.get_objects() if isinstance(o, KINDS))
            """)["live_objects"]
        let add = try Self.function("add_later")
        func round(_ count: Int) async throws {
            for index in 0..<count {
                let coroutine: PythonObject = try add.call(index, 1, 0)
                let value: Int = try await coroutine.awaited()
                precondition(value == index + 1)
            }
        }
        try await round(1_000)  // warm up: caches, the loop's own objects
        let before: Int = try measure.call()
        try await round(100_000)
        let after: Int = try measure.call()
        #expect(after - before < 1_000, "coroutines, futures and callbacks grew from \(before) to \(after)")
    }

    @Test func aLoopStoppedByPythonCodeIsStartedAgain() async throws {
        let value: Int = try await Self.function("add_later").call(1, 1).awaited()
        #expect(value == 2)
        // User code stops the loop the runtime uses (only that one: other loops in the process, like a Dask
        // client's, are left alone).
        let helpers = try Python.run(
            """
            import asyncio, threading

            async def running_loop():
                return asyncio.get_running_loop()

            def stop(loop):
                done = threading.Event()
                loop.call_soon_threadsafe(lambda: (loop.stop(), done.set()))
                done.wait()
            """)
        let loop: PythonObject = try await helpers["running_loop"].call().awaited()
        let _: PythonObject = try helpers["stop"].call(loop)
        try await Task.sleep(for: .milliseconds(50))
        let again: Int = try await Self.function("add_later").call(2, 3).awaited()
        #expect(again == 5)
    }

    @Test func aPythonExceptionIsAPythonError() async throws {
        let coroutine: PythonObject = try Self.function("fail_later").call("bad input")
        let error = await #expect(throws: PythonError.self) { try await coroutine.awaited() }
        #expect(error?.typeName == "ValueError")
        #expect(error?.message == "bad input")
        #expect(error?.traceback?.contains("fail_later") == true)
        // Not awaitable, and a result of the wrong type: clear errors too.
        let notAwaitable = await #expect(throws: PythonError.self) { try await PythonObject(5).awaited() }
        #expect(notAwaitable?.typeName == "TypeError")
        await #expect(throws: PythonError.self) {
            let _: Int = try await Self.function("add_later").call("a", "b").awaited()
        }
    }

    @Test func cancellingTheSwiftTaskCancelsThePythonTask() async throws {
        let before = try Self.state("finally")
        let coroutine: PythonObject = try Self.function("sleep_forever").call()
        let task = Task { try await coroutine.awaited() }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // Python saw CancelledError: its `finally` ran.
        var ran = false
        for _ in 0..<500 where !ran {
            ran = try Self.state("finally") == before + 1
            if !ran { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(ran)
        // A task cancelled before it awaits never starts the coroutine's body.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            let _: Int = try await Self.function("add_later").call(1, 2).awaited()
        }
        await #expect(throws: CancellationError.self) { try await early.value }
    }

    @Test func anAsyncGeneratorIsAnAsyncSequence() async throws {
        let generator: PythonObject = try Self.function("count").call(5)
        var items: [Int] = []
        for try await item in PythonAsyncSequence<Int>(generator) { items.append(item) }
        #expect(items == [0, 1, 2, 3, 4])
    }

    @Test func leavingAnAsyncLoopEarlyClosesTheGenerator() async throws {
        let closed = try Self.state("closed")
        let produced = try Self.state("produced")
        let generator: PythonObject = try Self.function("count").call(1_000_000)
        var seen = 0
        for try await _ in PythonAsyncSequence<Int>(generator) {
            seen += 1
            if seen == 3 { break }
        }
        // Backpressure: Python produced only what Swift asked for; aclose() ran its finally.
        #expect(try Self.state("produced") - produced == 3)
        var didClose = false
        for _ in 0..<500 where !didClose {
            didClose = try Self.state("closed") == closed + 1
            if !didClose { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(didClose)
    }

    @Test func swiftAsyncClosuresAreCoroutineFunctions() async throws {
        let double = try PythonObject(asyncCallable: { arguments, _ in
            try await Task.sleep(for: .milliseconds(5))
            return try PythonObject(try Int(arguments[0]) * 2)
        })
        let result: Int = try await Self.function("drive").call(double, 20).awaited()
        #expect(result == 41)
        // An error the Swift closure throws is raised in Python, and comes back out as itself.
        let failing = try PythonObject(asyncCallable: { _, _ in
            throw PythonError(code: .pythonException, typeName: "KeyError", message: "missing")
        })
        await #expect(throws: PythonError.self) {
            let _: Int = try await Self.function("drive").call(failing, 1).awaited()
        }
        // Cancelling the Python task cancels the Swift task.
        let started = ManagedAtomicFlag()
        let slow = try PythonObject(asyncCallable: { _, _ in
            started.set()
            try await Task.sleep(for: .seconds(3600))
            return Python.none
        })
        let outcome: String = try await Self.function("drive_and_cancel").call(slow).awaited()
        #expect(outcome == "cancelled")
        #expect(started.isSet)
    }

    @Test func httpxAsyncClientAgainstALocalServer() async throws {
        try CachedPackage.provision("httpx==0.28.1")
        let server = try Python.run(
            """
            import http.server, threading

            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = ("hello " + self.path.strip("/")).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args):
                    pass

            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            port = server.server_address[1]
            """)
        defer { _ = try? server["server"].shutdown.call() as PythonObject }
        let port = try Int(server["port"])
        let httpx = try Python.import("httpx")
        let client: PythonObject = try httpx.AsyncClient.call()
        let responses = try await withThrowingTaskGroup(of: String.self) { group in
            for name in ["ada", "grace", "lin"] {
                group.addTask {
                    let response: PythonObject = try await client.get.call("http://127.0.0.1:\(port)/\(name)").awaited()
                    #expect(try Int(response.status_code) == 200)
                    return try String(response.text)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(responses == ["hello ada", "hello grace", "hello lin"])
        try await client.aclose.call().awaited()
    }
}

/// A flag set from a Swift async closure and read by the test.
final class ManagedAtomicFlag: Sendable {
    private let flag = Synchronization.Atomic(false)
    func set() { flag.store(true, ordering: .releasing) }
    var isSet: Bool { flag.load(ordering: .acquiring) }
}
