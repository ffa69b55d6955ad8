import CPython
import Foundation
import Synchronization

/// References dropped by a thread that does not hold the GIL: queued instead of waiting for the GIL, so that
/// dropping a `PythonObject` never blocks — a thread holding a Swift lock may drop one while another thread
/// holds the GIL and waits for that lock, which would otherwise deadlock.
///
/// The queue is drained by the next `Python.withGIL` on any thread, and by a releaser thread woken when the
/// queue becomes non-empty, so nothing waits long and nothing leaks.
@usableFromInline
enum DeferredReleases {
    /// Object addresses waiting for a decref.
    private static let pending = Mutex<[UInt]>([])
    /// How many are waiting: read on every GIL acquisition, so that draining costs nothing when none are.
    @usableFromInline
    static let count = Atomic<Int>(0)
    /// Wakes the releaser thread.
    private static let wake = DispatchSemaphore(value: 0)
    /// Starts the releaser thread on first use.
    private static let releaser: Void = {
        let thread = Thread {
            while true {
                wake.wait()
                Python.withGIL { drain() }
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
