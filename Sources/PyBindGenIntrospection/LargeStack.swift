import Foundation

/// Runs work on a thread with a large stack and waits for it.
///
/// mypy's semantic analysis recurses deeply through compiled code; on a Swift concurrency thread (512 KiB of
/// stack) it would overflow, so introspection always runs on a thread of its own.
enum LargeStack {
    static let size = 256 << 20

    /// Holds the result across the thread boundary; written once before the semaphore is signalled.
    private final class ResultBox<Value>: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }

    static func run<Value>(_ body: @escaping @Sendable () throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}
