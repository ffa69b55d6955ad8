import CPython
import GILDepth

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gives each OS thread that uses Python one Python thread state for the thread's whole life.
///
/// `PyGILState_Ensure` on a thread without a thread state creates one, and the matching release destroys it,
/// which costs about 10 µs per acquisition on the cooperative thread pool's threads. Instead, the first
/// acquisition on a thread creates a thread state and keeps it (the GIL itself is released as usual); a
/// thread-exit destructor deletes it, so threads that come and go leave nothing behind.
@usableFromInline
enum ThreadStates {
    /// Deletes a kept thread state when its thread exits.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            let state = pointer.assumingMemoryBound(to: PyThreadState.self)
            PyEval_RestoreThread(state)
            PyThreadState_Clear(state)
            PyThreadState_DeleteCurrent()
        }
        return key
    }()

    /// Called by `Python.withGIL` once per thread, without the GIL, after the interpreter started.
    @usableFromInline
    static func prepareCurrentThread() {
        pybindgen_thread_prepared_set(1)
        // A thread Python already knows (the one that started the interpreter, or a Python-created thread)
        // keeps its state for its life already.
        guard PyGILState_GetThisThreadState() == nil else { return }
        _ = PyGILState_Ensure()
        let state = PyEval_SaveThread()
        pthread_setspecific(key, state)
    }
}
