import Foundation
import PythonRuntime
import Testing

/// Dropping a `PythonObject` never waits for the GIL: a thread without it queues the release for the next GIL
/// holder (and a releaser thread), so a lock held across the drop cannot deadlock against a GIL holder.
@Suite("Deferred release")
struct DeferredReleaseTests {
    final class Holder: @unchecked Sendable {
        var object: PythonObject?
        init(_ object: PythonObject) { self.object = object }
    }

    /// Thread B holds a lock and drops the last reference to an object while thread A holds the GIL and waits for
    /// that lock. Waiting for the GIL in B's drop would deadlock both.
    @Test func aDropUnderALockDoesNotDeadlockAgainstTheGILHolder() throws {
        let namespace = try Python.run(
            """
            import weakref

            class Token:
                pass

            def make():
                token = Token()
                return token, weakref.ref(token)
            """)
        let (holder, weak) = try { () throws -> (Holder, PythonObject) in
            let pair = try namespace["make"].call()
            return (Holder(try pair[0]), try pair[1])
        }()
        let lock = NSLock()
        let bHasLock = DispatchSemaphore(value: 0)
        let aHasGIL = DispatchSemaphore(value: 0)
        let aDone = DispatchSemaphore(value: 0)
        let bDone = DispatchSemaphore(value: 0)
        let threadB = Thread {
            lock.lock()
            bHasLock.signal()
            aHasGIL.wait()
            holder.object = nil  // the last reference, dropped without the GIL while holding `lock`
            lock.unlock()
            bDone.signal()
        }
        let threadA = Thread {
            bHasLock.wait()
            Python.withGIL {
                aHasGIL.signal()
                lock.lock()  // waits for B, holding the GIL
                lock.unlock()
            }
            aDone.signal()
        }
        threadB.start()
        threadA.start()
        // On a deadlock, stop here: thread A would hold the GIL for ever, and any further Python call would hang.
        guard bDone.wait(timeout: .now() + 60) == .success, aDone.wait(timeout: .now() + 60) == .success else {
            Issue.record("dropping the last reference under a lock deadlocked against the thread holding the GIL")
            return
        }
        // The next GIL holder released it.
        #expect(try weak.call().isNone)
    }

    /// A million objects made and dropped on four threads that do not hold the GIL while dropping them: every
    /// one is released (the count of live instances returns to zero).
    @Test func aMillionReleasesFromNonPythonThreadsLeaveNothingBehind() throws {
        let namespace = try Python.run(
            """
            class Probe:
                live = 0
                def __init__(self):
                    Probe.live += 1
                def __del__(self):
                    Probe.live -= 1
            """)
        let probe = try namespace["Probe"]
        let perThread = 250_000
        let finished = DispatchSemaphore(value: 0)
        let failures = Holder(PythonObject(0))
        for _ in 0..<4 {
            Thread {
                for _ in 0..<perThread {
                    do {
                        _ = try probe.call()  // made under the GIL, dropped after it was released
                    } catch {
                        failures.object = nil
                    }
                }
                finished.signal()
            }.start()
        }
        for _ in 0..<4 { #expect(finished.wait(timeout: .now() + 600) == .success) }
        #expect(failures.object != nil, "every call succeeded")
        let live: Int = try Python.withGIL { try Int(probe.attribute("live")) }
        #expect(live == 0)
    }
}
