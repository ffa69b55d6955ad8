import PythonRuntime
import PythonWorkers

/// The Python half of ``DaskCluster``: small functions compiled once in the embedded interpreter.
///
/// The functions sent to workers (`call_by_name`, `map_chunk`, `run_by_name`) live in a module workers cannot
/// import, so Dask's cloudpickle ships them by value: workers need nothing but Dask installed. They answer with
/// plain data only — `(0, pickled result)` or `(1, (type name, message, traceback))` — and the client is created
/// with `deserializers=["msgpack", "error"]`, so Dask never unpickles what a worker sends; the host decodes the
/// pickled result with the same restricted unpickler as `WorkerPool`.
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

        class ObjectLost(Exception):
            \"\"\"An actor's object is gone with its worker.\"\"\"

        def _placed(workers):
            return {"workers": workers, "allow_other_workers": False} if workers else {}

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
            return _answer(lambda: _resolve(module, qualname)(*_substitute(args), **_substitute(kwargs)))

        def map_chunk(module, qualname, items):
            return _answer(lambda: list(map(_resolve(module, qualname), items)))

        # Objects on the cluster: each is a Dask actor holding it (Dask keeps it while the client holds the actor's
        # future, and loses it with its worker). Every answer is plain data, like call_by_name's.
        def _type_name(value):
            kind = type(value)
            return kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__

        def _handoffs():
            # Results kept by one actor for the next actor made on the same worker process.
            import sys, types
            store = sys.modules.get("_pybindgen_handoffs")
            if store is None:
                store = sys.modules["_pybindgen_handoffs"] = types.ModuleType("_pybindgen_handoffs")
                store.values = {}
            return store.values

        def _actor_value(key):
            # Runs in a worker while a request that names a handle is unpickled: the object of that actor.
            from distributed import get_worker
            actor = get_worker().state.actors.get(key)
            if actor is None:
                raise LookupError("the object of actor %s is not on this worker (it was lost or released)" % key)
            return actor.value

        class ActorReference:
            \"\"\"Stands for an actor's object in a request; `_substitute` swaps it for the object on its worker (the
            scheduler unpickles requests too, so it must stay plain data until it reaches the worker).\"\"\"
            def __init__(self, key, address):
                self.key, self.address = key, address

        def _substitute(value):
            if isinstance(value, ActorReference):
                return _actor_value(value.key)
            if isinstance(value, OpaqueArgument):
                try:
                    return pickle.loads(value.data)
                except Exception as error:
                    raise OpaqueValueError("an opaque value does not unpickle (%s: %s); it was not made by a worker "
                                           "or was altered" % (type(error).__name__, error)) from None
            if isinstance(value, list):
                return [_substitute(item) for item in value]
            if isinstance(value, tuple):
                return tuple(_substitute(item) for item in value)
            if isinstance(value, dict):
                return {_substitute(key): _substitute(item) for key, item in value.items()}
            if isinstance(value, (set, frozenset)):
                return type(value)(_substitute(item) for item in value)
            return value

        class OpaqueArgument:
            \"\"\"An opaque value on its way to a worker: the pickle, loaded there by `_substitute`.\"\"\"
            def __init__(self, data):
                self.data = data

        class OpaqueValueError(Exception):
            \"\"\"An opaque value does not unpickle in the worker.\"\"\"

        def placement(args, kwargs):
            \"\"\"`(status, addresses, args, kwargs)`: the worker addresses the actor references among the arguments
            (nested too) live on — status 1 if more than one — and the arguments with opaque values made plain.\"\"\"
            found = []
            def walk(value):
                if isinstance(value, ActorReference):
                    found.append(value.address)
                    return value
                if type(value).__name__ == "RemoteReference" and hasattr(value, "token"):
                    found.append("a worker pool")
                    return value
                if type(value).__name__ == "OpaqueReference" and hasattr(value, "data"):
                    return OpaqueArgument(value.data)
                if isinstance(value, list):
                    return [walk(item) for item in value]
                if isinstance(value, tuple):
                    return tuple(walk(item) for item in value)
                if isinstance(value, dict):
                    return {walk(key): walk(item) for key, item in value.items()}
                if isinstance(value, (set, frozenset)):
                    return type(value)(walk(item) for item in value)
                return value
            args, kwargs = walk(list(args)), walk(dict(kwargs))
            addresses = sorted(set(found))
            return (1 if len(addresses) > 1 else 0, addresses, args, kwargs)

        class RemoteObjectActor:
            \"\"\"A Dask actor holding one Python object; its answers are plain data only.\"\"\"
            def __init__(self, module, qualname, args, kwargs, handoff):
                self.value, self.failure = None, None
                try:
                    if handoff:
                        self.value = _handoffs().pop(handoff)
                    else:
                        self.value = _resolve(module, qualname)(*_substitute(args), **_substitute(kwargs))
                except BaseException as error:
                    self.failure = _describe(error)

            def describe(self):
                if self.failure is not None:
                    return (1, self.failure)
                return (0, _type_name(self.value))

            def invoke(self, operation, name, args, kwargs, keep):
                def compute():
                    args_, kwargs_ = _substitute(args), _substitute(kwargs)
                    owner = self.value
                    if operation == 0:
                        function = owner
                        for part in (name.split(".") if name else []):
                            function = getattr(function, part)
                        return function(*args_, **kwargs_)
                    if operation == 1:
                        for part in name.split("."):
                            owner = getattr(owner, part)
                        return owner
                    *path, last = name.split(".")
                    for part in path:
                        owner = getattr(owner, part)
                    setattr(owner, last, args_[0])
                    return None
                if not keep:
                    return _answer(compute)
                try:
                    result = compute()
                except BaseException as error:
                    return (1, _describe(error))
                import uuid
                token = uuid.uuid4().hex
                _handoffs()[token] = result
                return (4, token)

        def _kept_call(module, qualname, args, kwargs):
            # A module function whose result becomes an actor on this worker.
            try:
                result = _resolve(module, qualname)(*_substitute(args), **_substitute(kwargs))
            except BaseException as error:
                return (1, _describe(error))
            import uuid
            token = uuid.uuid4().hex
            _handoffs()[token] = result
            return (4, token)

        def _bind_actor(client, future, address):
            from distributed.actor import Actor
            actor = Actor(RemoteObjectActor, address, future.key)
            actor._client, actor._future = client, future
            return actor

        async def make_actor(client, module, qualname, args, kwargs, handoff, workers):
            future = client.submit(RemoteObjectActor, module, qualname, tuple(args), kwargs, handoff, actor=True,
                                   pure=False, **_placed(workers))
            await future._state.wait()
            if future.status != "finished":
                future.release()
                raise ObjectLost("the actor could not be made (its task is %s)" % future.status)
            who = await client.scheduler.who_has(keys=[future.key])
            addresses = who.get(future.key) or []
            if not addresses:
                future.release()
                raise ObjectLost("the actor's worker is gone")
            actor = _bind_actor(client, future, addresses[0])
            status, detail = await actor.describe()
            if status != 0:
                future.release()
            return (status, detail, future, actor, addresses[0])

        async def kept_call(client, module, qualname, args, kwargs, workers):
            # A module function's result kept on a worker: run, then adopted by an actor on the same worker.
            future = client.submit(_kept_call, module, qualname, tuple(args), kwargs, pure=False, **_placed(workers))
            answer = await client.gather([future], asynchronous=True)
            status, detail = answer[0]
            if status != 4:
                return (status, detail, None, None, None)
            who = await client.scheduler.who_has(keys=[future.key])
            address = (who.get(future.key) or [None])[0]
            future.release()
            if address is None:
                raise ObjectLost("the worker that made the object is gone")
            return await make_actor(client, None, None, (), {}, detail, [address])

        async def invoke_actor(client, actor, address, operation, name, args, kwargs, keep):
            # A call to a dead worker's address waits for the connect timeout, while the scheduler soon knows the
            # worker is gone (Dask might even make the actor again elsewhere: that would be another object). So a
            # call that has not answered within 100 ms asks the scheduler, every 100 ms, whether its actor is
            # still where it was.
            async def call():
                return await actor.invoke(operation, name, tuple(args), kwargs, keep)
            task = asyncio.ensure_future(call())
            try:
                while True:
                    done, _ = await asyncio.wait({task}, timeout=0.1)
                    if done:
                        answer = task.result()
                        break
                    who = await client.scheduler.who_has(keys=[actor.key])
                    if address not in (who.get(actor.key) or []):
                        raise ObjectLost("the actor's worker %s is gone" % address)
            finally:
                if not task.done():
                    task.cancel()
            if isinstance(answer, BaseException):
                raise ObjectLost("its actor did not answer (%s: %s)" % (type(answer).__name__, answer))
            if keep and answer[0] == 4:
                return await make_actor(client, None, None, (), {}, answer[1], [address])
            return answer

        def release_actor(future):
            future.release()

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

        def submit(client, module, qualname, args, kwargs, workers=None):
            return [client.submit(call_by_name, module, qualname, tuple(args), kwargs, pure=False, **_placed(workers))]

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
