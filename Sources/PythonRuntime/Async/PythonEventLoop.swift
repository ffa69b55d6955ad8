import CPython

/// The interpreter's one asyncio event loop, on a dedicated Python thread started on first use.
///
/// The loop thread holds the GIL only while Python runs on it (asyncio releases it while it waits), so Swift and
/// other Python threads go on. Awaitables are scheduled with `asyncio.run_coroutine_threadsafe`; their completion
/// calls back into Swift from the loop thread, which resumes the waiting task without blocking any thread.
enum PythonEventLoop {
    static let source = """
        import asyncio, threading

        loop = None
        _lock = threading.Lock()

        def _start():
            \"\"\"A new loop on a new daemon thread, running when this returns.\"\"\"
            fresh = asyncio.new_event_loop()
            started = threading.Event()
            def run():
                asyncio.set_event_loop(fresh)
                fresh.call_soon(started.set)
                fresh.run_forever()
            threading.Thread(target=run, name="swift-pybindgen asyncio", daemon=True).start()
            started.wait()
            return fresh

        def current_loop():
            \"\"\"The running loop, started on first use — and again if Python code stopped or closed it.\"\"\"
            global loop
            with _lock:
                if loop is None or loop.is_closed() or not loop.is_running():
                    loop = _start()
                return loop

        async def _await(awaitable):
            return await awaitable

        def schedule(awaitable, done):
            \"\"\"Runs `awaitable` on the loop; `done(future)` is called on the loop thread when it finishes.\"\"\"
            if asyncio.iscoroutine(awaitable):
                coroutine = awaitable
            elif hasattr(awaitable, "__await__"):
                coroutine = _await(awaitable)
            else:
                raise TypeError("%s object is not awaitable" % type(awaitable).__name__)
            future = asyncio.run_coroutine_threadsafe(coroutine, current_loop())
            future.add_done_callback(done)
            return future

        def outcome(future):
            \"\"\"(0, value), (1, exception) or (2, None) for a cancelled future.\"\"\"
            if future.cancelled():
                return (2, None)
            error = future.exception()
            if error is not None:
                return (1, error)
            return (0, future.result())

        def close_later(iterator):
            \"\"\"Schedules `aclose()` of an async generator a Swift loop left early (fire and forget).\"\"\"
            close = getattr(iterator, "aclose", None)
            if close is not None:
                asyncio.run_coroutine_threadsafe(_await(close()), current_loop())

        def make_coroutine_function(start):
            \"\"\"A coroutine function whose body runs in Swift: `start(args, kwargs, settle)` begins a Swift task that
            calls `settle(ok, value)` once; the coroutine awaits it.\"\"\"
            async def swift_coroutine_function(*args, **kwargs):
                running = asyncio.get_running_loop()
                future = running.create_future()
                def settle(ok, value):
                    def apply():
                        if future.done():
                            return
                        if ok:
                            future.set_result(value)
                        else:
                            future.set_exception(value)
                    running.call_soon_threadsafe(apply)
                cancel = start(args, kwargs, settle)
                try:
                    return await future
                except asyncio.CancelledError:
                    cancel()
                    raise
            return swift_coroutine_function
        """

    /// The loop's helpers, or why they could not start.
    static let namespace = Result { () throws(PythonError) -> PythonObject in
        try Python.run(source)
    }

    static func helper(_ name: String) throws(PythonError) -> PythonObject {
        try namespace.get()[name]
    }

    /// `schedule` and `outcome`, looked up once (every await calls them).
    static let schedule = Result { () throws(PythonError) -> PythonObject in try helper("schedule") }
    static let outcome = Result { () throws(PythonError) -> PythonObject in try helper("outcome") }
}
