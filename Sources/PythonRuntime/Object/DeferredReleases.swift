import CPython
import Foundation
import Synchronization

/// References dropped by a thread that does not hold the GIL: queued instead of waiting for the GIL, so that
/// dropping a `PythonObject` never blocks — a thread holding a Swift lock may drop one while another thread
/// holds the GIL and waits for that lock, which would otherwise deadlock.
///
/// The queue is drained by the next `Python.withGIL` on any thread. So that a program that stops using Python
/// still releases what it dropped, a releaser thread also drains it, ``releaserDelay`` after the queue became
/// non-empty — late enough that, while Python is busy, it rarely needs the GIL at all (taking it at every drop
/// made the GIL change hands twice as often and halved the throughput of awaiting coroutines).
@usableFromInline
enum DeferredReleases {
    /// Object addresses waiting for a decref.
    private static let pending = Mutex<[UInt]>([])
    /// How many are waiting: read on every GIL acquisition, so that draining costs nothing when none are.
    @usableFromInline
    static let count = Atomic<Int>(0)
    /// Wakes the releaser thread.
    private static let wake = DispatchSemaphore(value: 0)
    /// How long the releaser thread waits before it takes the GIL to drain what is still queued.
    static let releaserDelay = 0.01

    /// Starts the releaser thread on first use.
    private static let releaser: Void = {
        let thread = Thread {
            while true {
                wake.wait()
                Thread.sleep(forTimeInterval: releaserDelay)
                if count.load(ordering: .acquiring) > 0 { Python.withGIL { drain() } }
            }
        }
        thread.name = "swift-pybindgen releases"
        thread.start()
    }()

    /// Queues a reference for release by the next GIL holder.
    @usableFromInline
    static func enqueue(_ pointer: PyObjectPointer) {
        _ = releaser
        let wasEmpty = pending.withLock { queue in
            queue.append(UInt(bitPattern: pointer))
            return queue.count == 1
        }
        count.add(1, ordering: .releasing)
        if wasEmpty { wake.signal() }
    }

    /// Releases every queued reference. The caller holds the GIL.
    @usableFromInline
    static func drain() {
        let queue = pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
        guard !queue.isEmpty else { return }
        count.subtract(queue.count, ordering: .relaxed)
        for address in queue {
            pyshim_DecRef(UnsafeMutablePointer<PyObject>(bitPattern: address)!)
        }
    }
}
