import PythonRuntime
import PythonWorkers

/// The Python half of ``DaskCluster``: small functions compiled once in the embedded interpreter.
///
/// The functions sent to workers (`call_by_name`, `map_chunk`, `run_by_name`) live in a module workers cannot
/// import, so Dask's cloudpickle ships them by value: workers need nothing but Dask installed. They answer with
/// plain data only — `(0, pickled result)` or `(1, (type name, message, traceback))` — and the client is created
/// with `deserializers=["msgpack", "error"]`, so Dask never unpickles what a worker sends; the host decodes the
/// pickled result with the same restricted unpickler as ``WorkerPool``.
///
/// Every client operation runs as a coroutine on the client's own event loop (or, for connecting and closing, on
/// one long-lived client thread); its completion posts a token that the cluster's completion thread turns into
/// a resumed Swift task.
enum DaskSupport {
    static let source = """
        import asyncio, concurrent.futures, importlib, inspect, pickle, queue, threading, traceback

        def _describe(error):
            kind = type(error)
            name = kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__
            return (name, str(error), "".join(traceback.format_exception(error)))

        def _resolve(module, qualname):
            function = importlib.import_module(module)
            for part in qualname.split("."):
                function = getattr(function, part)
            return function

        def _answer(compute):
            # Runs in a worker: plain data back, never an object the client would have to unpickle.
            try:
                result = compute()
            except BaseException as error:
                return (1, _describe(error))
            try:
                return (0, pickle.dumps(result, protocol=5))
            except BaseException as error:
                return (3, _describe(error))

        def call_by_name(module, qualname, args, kwargs):
            return _answer(lambda: _resolve(module, qualname)(*args, **kwargs))

        def map_chunk(module, qualname, items):
            return _answer(lambda: list(map(_resolve(module, qualname), items)))

        # Connecting and closing block: they run on one long-lived thread, never on a Swift thread.
        _client_thread = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="dask-client")

        class Completions:
            \"\"\"Operations post their token here when they finish; one Swift thread waits in `next` with the GIL
            released.\"\"\"
            def __init__(self):
                self.queue = queue.SimpleQueue()
            def _notify(self, future, token):
                future.add_done_callback(lambda _, token=token: self.queue.put(token))
                return future
            def on_loop(self, client, token, function, args):
                \"\"\"Runs `function(*args)` (awaited if it returns an awaitable) on the client's event loop.\"\"\"
                async def run():
                    result = function(*args)
                    if inspect.isawaitable(result):
                        result = await result
                    return result
                future = asyncio.run_coroutine_threadsafe(run(), client.loop.asyncio_loop)
                return self._notify(future, token) if token else future
            def on_client_thread(self, token, function, args):
                return self._notify(_client_thread.submit(function, *args), token)
            def next(self):
                return self.queue.get()
            def post(self, token):
                self.queue.put(token)

        def outcome(future):
            \"\"\"A finished operation: (0, value), (1, error description) or (2, None) if it was cancelled.\"\"\"
            if future.cancelled():
                return (2, None)
            error = future.exception()
            if error is not None:
                return (1, _describe(error))
            return (0, future.result())

        def connect(address, timeout, security):
            from distributed import Client, Security
            return Client(address, timeout=timeout, security=Security(**security) if security else None,
                          set_as_default=False, deserializers=["msgpack", "error"])

        def start_local(workers, threads):
            from distributed import Client, LocalCluster
            cluster = LocalCluster(n_workers=workers, threads_per_worker=threads, processes=True,
                                   dashboard_address=None)
            return Client(cluster, set_as_default=False, deserializers=["msgpack", "error"])

        def close(client, timeout):
            client.close(timeout=timeout)
            if client.cluster is not None:
                client.cluster.close(timeout=timeout)

        def submit(client, module, qualname, args, kwargs):
            return [client.submit(call_by_name, module, qualname, tuple(args), kwargs, pure=False)]

        def submit_chunks(client, module, qualname, chunks):
            return client.map(map_chunk, [module] * len(chunks), [qualname] * len(chunks), chunks, pure=False)

        async def gather(client, futures):
            return await client.gather(futures, asynchronous=True)

        async def cancel(client, futures):
            await client.cancel(futures, asynchronous=True)

        async def run_everywhere(client, module, qualname, args, kwargs):
            results = await client.run(call_by_name, module, qualname, tuple(args), kwargs, asynchronous=True)
            return [results[address] for address in sorted(results)]

        async def scatter(client, value, broadcast):
            return await client.scatter(value, broadcast=broadcast, asynchronous=True)

        async def worker_count(client):
            return len((await client.scheduler.identity())["workers"])

        async def scheduler_task_count(client):
            return await client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks), asynchronous=True)
        """

    /// The compiled helpers (a namespace dict), or why they could not be compiled (Dask missing).
    static let namespace = Result { () throws(PythonError) -> PythonObject in
        let namespace = try Python.run("__name__ = '__pybindgen_dask__'\n" + source)
        _ = try Python.import("distributed")
        return namespace
    }

    static func function(_ name: String) throws -> PythonObject {
        do {
            return try namespace.get()[name]
        } catch {
            throw WorkerError(
                .startupFailed,
                "Dask's client is not importable in the embedded interpreter (\(error.typeName): \(error.message)); "
                    + "install dask[distributed] in the virtual environment the runtime uses (VIRTUAL_ENV)")
        }
    }
}
