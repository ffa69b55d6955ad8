import PythonRuntime

/// The Python half of ``DaskCluster``: small functions compiled once in the embedded interpreter. The ones sent
/// to workers (`call_by_name`, `map_chunk`) live in a module that workers cannot import, so Dask's cloudpickle
/// ships them by value: workers need nothing but Dask installed.
enum DaskSupport {
    static let source = """
        import importlib, queue, threading, traceback

        def _resolve(module, qualname):
            function = importlib.import_module(module)
            for part in qualname.split("."):
                function = getattr(function, part)
            return function

        def call_by_name(module, qualname, args, kwargs):
            function = _resolve(module, qualname)
            return function(*args, **kwargs) if kwargs else function(*args)

        def map_chunk(module, qualname, items):
            return list(map(_resolve(module, qualname), items))

        class Completions:
            \"\"\"Done-callbacks (run on the client's event-loop thread) post tokens; one Swift thread waits here
            with the GIL released.\"\"\"
            def __init__(self):
                self.queue = queue.SimpleQueue()
            def watch(self, future, token):
                future.add_done_callback(lambda _, token=token: self.queue.put(token))
            def watch_all(self, futures, token):
                remaining = [len(futures)]
                lock = threading.Lock()
                def done(_):
                    with lock:
                        remaining[0] -= 1
                        last = remaining[0] == 0
                    if last:
                        self.queue.put(token)
                for future in futures:
                    future.add_done_callback(done)
            def next(self):
                return self.queue.get()
            def post(self, token):
                self.queue.put(token)

        def connect(address, timeout, security):
            from distributed import Client, Security
            return Client(address, timeout=timeout, security=Security(**security) if security else None,
                          set_as_default=False)

        def start_local(workers, threads):
            from distributed import Client, LocalCluster
            cluster = LocalCluster(n_workers=workers, threads_per_worker=threads, processes=True,
                                   dashboard_address=None)
            return Client(cluster, set_as_default=False)

        def submit(client, module, qualname, args, kwargs):
            return client.submit(call_by_name, module, qualname, tuple(args), kwargs, pure=False)

        def submit_chunks(client, module, qualname, chunks):
            return client.map(map_chunk, [module] * len(chunks), [qualname] * len(chunks), chunks, pure=False)

        def _describe(error):
            kind = type(error)
            name = kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__
            return (name, str(error), "".join(traceback.format_exception(error)))

        def outcome(future):
            status = future.status
            if status == "finished":
                try:
                    return (0, future.result())
                except BaseException as error:  # the result could not be unpickled in the host
                    return (3, _describe(error))
            if status == "cancelled":
                return (2, None)
            return (1, _describe(future.exception()))

        def gather_outcome(client, futures):
            # Every future is done: one gather for all results, or the outcome of the first that failed.
            for future in futures:
                if future.status != "finished":
                    return outcome(future)
            try:
                return (0, [item for chunk in client.gather(futures) for item in chunk])
            except BaseException as error:
                return (3, _describe(error))

        def cancel_all(client, futures):
            client.cancel(futures)

        def run_everywhere(client, module, qualname, args, kwargs):
            results = client.run(call_by_name, module, qualname, tuple(args), kwargs)
            return [results[address] for address in sorted(results)]

        def worker_count(client):
            return len(client.scheduler_info()["workers"])

        def scheduler_task_count(client):
            return client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))
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
