import Foundation
import PyBindGenCore

/// Runs work on a thread with a large stack and waits until that thread has exited.
///
/// mypy's semantic analysis recurses deeply through compiled code; on a Swift concurrency thread (512 KiB of
/// stack) it would overflow, so introspection always runs on a thread of its own. The thread is joined, not
/// merely waited for: its exit releases its Python thread state, which must be finished before the process
/// may exit (an exit racing that release corrupted the heap, rarely, after a numpy run).
enum LargeStack {
    static let size = 256 << 20

    /// The work and its result across the thread boundary; the result is written before the thread exits.
    private final class Job: @unchecked Sendable {
        let body: @Sendable () throws -> Any
        var result: Result<Any, any Error>?

        init(_ body: @escaping @Sendable () throws -> Any) {
            self.body = body
        }
    }

    static func run<Value>(_ body: @escaping @Sendable () throws -> Value) throws -> Value {
        let job = Job { try body() }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let status = pthread_create(
            &thread, &attributes,
            { context in
                let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                job.result = Result { try job.body() }
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            throw GeneratorError(.introspectionFailed, "cannot start the introspection thread (error \(status))")
        }
        pthread_join(thread, nil)
        return try job.result!.get() as! Value
    }
}
