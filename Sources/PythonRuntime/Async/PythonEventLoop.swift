import CPython

/// The interpreter's one asyncio event loop, on a dedicated Python thread started on first use.
///
/// The loop thread holds the GIL only while Python runs on it (asyncio releases it while it waits), so Swift and
/// other Python threads go on. Awaitables are scheduled with `asyncio.run_coroutine_threadsafe`; their completion
/// calls back into Swift from the loop thread, which resumes the waiting task without blocking any thread.
enum PythonEventLoop {
    static let source = """
        import asyncio, threading

        loop = asyncio.new_event_loop()
        _started = threading.Event()

        def _run():
            asyncio.set_event_loop(loop)
            loop.call_soon(_started.set)
            loop.run_forever()

        threading.Thread(target=_run, name="swift-pybindgen asyncio", daemon=True).start()
        _started.wait()

        async def _await(awaitable):
            return await awaitable

        def schedule(awaitable, done):
            \"\"\"Runs `awaitable` on the loop; `done(future)` is called on the loop thread when it finishes.\"\"\"
            if not (asyncio.iscoroutine(awaitable) or hasattr(awaitable, "__await__")):
                raise TypeError("%s object is not awaitable" % type(awaitable).__name__)
            future = asyncio.run_coroutine_threadsafe(_await(awaitable), loop)
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
            if close is not None and not loop.is_closed():
                asyncio.run_coroutine_threadsafe(_await(close()), loop)

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
}
