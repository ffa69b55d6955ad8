"""The worker side of swift-pybindgen's PythonWorkers pool.

Started as `python3 worker.py REQUEST_FD RESPONSE_FD [pipelined]`. Frames travel on those two pipes, never on stdout or
stderr, which the host captures and logs. Every frame is

    u32 length (of what follows, little-endian) | u64 call id | u8 kind or status | payload (a pickle)

Requests: kind 1 = call (module, qualname, args, kwargs or None); kind 2 = map (module, qualname, items), one positional
argument per item; kind 0 = setup (search_paths, imports, code), the first frame, answered with call id 0;
kind 3 = withdraw (empty payload): drop the earlier request with this call id if it has not started;
kind 4 = object request (target, operation, name, args, kwargs or None, answer): target is a module name or the id
of an object in this worker's object table; operation 0 calls `target.name(*args, **kwargs)` ("" calls the target
itself), 1 reads the attribute `name`, 2 sets it to args[0]; answer 0 sends the value back, answer 1 keeps it in the
object table and sends its handle;
kind 5 = release (raw little-endian u64 object ids, no pickle): drops those objects from the table; never answered.
Responses: status 0 = result; status 1 = exception (type name, message, traceback), always plain strings;
status 2 = the result could not be pickled (same payload as an exception); status 3 = withdrawn unstarted (empty);
status 4 = the result is larger than a response frame carries (same payload as an exception);
status 5 = a handle (raw u64 object id, then the object's qualified type name in UTF-8);
status 6 = an opaque value sent back does not unpickle (same payload as an exception); nothing ran.

Arguments may hold references to objects in the table and opaque values (pickles the host kept as bytes): the host
pickles them as calls of `_pybindgen_remote.object(id)` and `_pybindgen_remote.opaque(data)`, which this module
provides, so they become the objects themselves when the request is unpickled.

A pipelined worker (the host sends it several calls at once) reads every request already in its pipe before it
starts the next call, so a withdrawal that arrived meanwhile is honoured.
"""
import collections
import importlib
import os
import select
import pickle
import struct
import sys
import traceback
import types

HEADER = struct.Struct("<IQB")
KIND_SETUP, KIND_CALL, KIND_MAP, KIND_WITHDRAW, KIND_OBJECT, KIND_RELEASE = 0, 1, 2, 3, 4, 5
STATUS_OK, STATUS_ERROR, STATUS_UNPICKLABLE, STATUS_WITHDRAWN, STATUS_TOO_LARGE = 0, 1, 2, 3, 4
STATUS_HANDLE, STATUS_BAD_OPAQUE = 5, 6
OPERATION_CALL, OPERATION_GET, OPERATION_SET = 0, 1, 2
ANSWER_VALUE, ANSWER_HANDLE = 0, 1
# The host reads response frames of at most 1 GiB (the 9 header bytes after the length included).
MAXIMUM_RESPONSE_PAYLOAD = (1 << 30) - 9

# The objects the host holds handles to: id -> object. An id is never reused within a process.
objects = {}
_next_object_id = [1]


class OpaqueValueError(Exception):
    """An opaque value the host sent back is not a pickle this worker can load."""


def _object(object_id):
    try:
        return objects[object_id]
    except KeyError:
        raise LookupError("object %d is not in this worker's object table (it was released)" % object_id) from None


def _opaque(data):
    try:
        return pickle.loads(data)
    except Exception as error:
        raise OpaqueValueError("an opaque value does not unpickle (%s: %s); it was not made by a worker or was "
                               "altered" % (type(error).__name__, error)) from None


# Requests name these by module and qualname, so the module must exist under that name.
remote = types.ModuleType("_pybindgen_remote")
_object.__module__ = _opaque.__module__ = remote.__name__
_object.__qualname__, _opaque.__qualname__ = "object", "opaque"
_object.__name__, _opaque.__name__ = "object", "opaque"
remote.object, remote.opaque, remote.OpaqueValueError = _object, _opaque, OpaqueValueError
sys.modules[remote.__name__] = remote


def keep(value):
    """Puts `value` in the object table; returns the handle payload (id, then the qualified type name)."""
    object_id = _next_object_id[0]
    _next_object_id[0] += 1
    objects[object_id] = value
    kind = type(value)
    name = kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__
    return struct.pack("<Q", object_id) + name.encode("utf-8", "replace")


def release(payload):
    for (object_id,) in struct.iter_unpack("<Q", payload[:len(payload) // 8 * 8]):
        objects.pop(object_id, None)


def run_object_request(request):
    target, operation, name, args, kwargs, answer = request
    if type(target) is int:
        owner = objects.get(target)
        if owner is None and target not in objects:
            owner = _object(target)
    else:
        owner = importlib.import_module(target)
    if operation == OPERATION_CALL:
        if "." in name:
            function = owner
            for part in name.split("."):
                function = getattr(function, part)
        else:
            function = getattr(owner, name) if name else owner
        result = function(*args, **kwargs) if kwargs else function(*args)
    elif operation == OPERATION_GET:
        result = owner
        for part in name.split("."):
            result = getattr(result, part)
    elif operation == OPERATION_SET:
        *path, last = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, last, args[0])
        result = None
    else:
        raise ValueError("unknown object operation %d" % operation)
    return result, answer == ANSWER_HANDLE


class FrameReader:
    """Reads frames with as few system calls as possible (a small request arrives in one read)."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = b""

    def read_exactly(self, count):
        while len(self.buffer) < count:
            chunk = os.read(self.fd, max(count - len(self.buffer), 1 << 16))
            if not chunk:
                return None
            self.buffer = self.buffer + chunk if self.buffer else chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data


class PipelinedReader:
    """Reads every complete request already in the pipe before handing out the next one, so a withdrawal sent
    after a request (while an earlier call ran) removes it before it starts."""

    def __init__(self, fd, response_fd):
        self.fd = fd
        self.response_fd = response_fd
        self.buffer = b""
        self.pending = collections.OrderedDict()  # call id -> (kind, payload), in arrival order
        # Withdrawals of requests not (yet) here: the withdrawal can overtake its request in the host.
        self.withdrawn_early = set()
        self.current = None
        self.closed = False
        os.set_blocking(fd, False)
        self.poller = select.poll()
        self.poller.register(fd, select.POLLIN)

    def _read_available(self, wait):
        if not self.poller.poll(-1 if wait else 0):
            return
        while True:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return
            if not chunk:
                self.closed = True
                return
            self.buffer += chunk
            if len(chunk) < 1 << 16:
                return

    def _parse(self):
        while len(self.buffer) >= HEADER.size:
            length, call_id, kind = HEADER.unpack_from(self.buffer)
            if len(self.buffer) < 4 + length:
                return
            payload = self.buffer[HEADER.size:4 + length]
            self.buffer = self.buffer[4 + length:]
            if kind == KIND_RELEASE:
                release(payload)
            elif kind == KIND_WITHDRAW:
                if self.pending.pop(call_id, None) is not None:
                    send(self.response_fd, call_id, STATUS_WITHDRAWN, b"")
                elif call_id != self.current:
                    self.withdrawn_early.add(call_id)
            elif call_id in self.withdrawn_early:
                self.withdrawn_early.discard(call_id)
                send(self.response_fd, call_id, STATUS_WITHDRAWN, b"")
            else:
                self.pending[call_id] = (kind, payload)

    def next_request(self):
        """The next request to run as (call id, kind, payload), or None once the host closed the pipe."""
        if self.pending:
            # Calls are waiting here: first read what arrived meanwhile (withdrawals among it).
            self._read_available(wait=False)
            self._parse()
        while not self.pending:
            if self.closed:
                return None
            self._read_available(wait=True)
            self._parse()
        call_id, (kind, payload) = self.pending.popitem(last=False)
        self.current = call_id
        return call_id, kind, payload


def write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def send(fd, call_id, status, payload):
    write_all(fd, HEADER.pack(len(payload) + 9, call_id, status) + payload)


def describe(error):
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__
    return pickle.dumps((name, str(error), "".join(traceback.format_exception(error))), protocol=5)


_functions = {}


def resolve(module_name, qualname):
    key = (module_name, qualname)
    function = _functions.get(key)
    if function is None:
        function = importlib.import_module(module_name)
        for part in qualname.split("."):
            function = getattr(function, part)
        _functions[key] = function
    return function


def serial_requests(reader):
    """Requests one at a time, as the host sends them when it never pipelines."""
    while True:
        header = reader.read_exactly(HEADER.size)
        if header is None:
            return  # the host closed the pipe: a graceful stop
        length, call_id, kind = HEADER.unpack(header)
        payload = reader.read_exactly(length - 9)
        if payload is None:
            return
        yield call_id, kind, payload


def pipelined_requests(reader):
    while True:
        request = reader.next_request()
        if request is None:
            return
        yield request


def main():
    request_fd, response_fd = int(sys.argv[1]), int(sys.argv[2])
    os.set_inheritable(request_fd, False)
    os.set_inheritable(response_fd, False)
    loads, dumps = pickle.loads, pickle.dumps
    if len(sys.argv) > 3 and sys.argv[3] == "pipelined":
        requests = pipelined_requests(PipelinedReader(request_fd, response_fd))
    else:
        requests = serial_requests(FrameReader(request_fd))
    for call_id, kind, payload in requests:
        if kind == KIND_RELEASE:
            release(payload)
            continue
        try:
            try:
                request = loads(payload)
            except OpaqueValueError as error:
                send(response_fd, call_id, STATUS_BAD_OPAQUE, describe(error))
                continue
            if kind == KIND_OBJECT:
                result, as_handle = run_object_request(request)
                if as_handle:
                    handle = keep(result)
                    del result
                    send(response_fd, call_id, STATUS_HANDLE, handle)
                    continue
            elif kind == KIND_CALL:
                module_name, qualname, args, kwargs = request
                function = resolve(module_name, qualname)
                result = function(*args, **kwargs) if kwargs else function(*args)
            elif kind == KIND_MAP:
                module_name, qualname, items = request
                function = resolve(module_name, qualname)
                result = list(map(function, items))
            elif kind == KIND_SETUP:
                search_paths, imports, code = request
                for path in reversed(search_paths):
                    sys.path.insert(0, path)
                for name in imports:
                    importlib.import_module(name)
                if code:
                    exec(compile(code, "<startup hook>", "exec"), {"__name__": "__pybindgen_startup__"})
                result = (os.getpid(), tuple(sys.version_info[:3]), sys.executable)
            else:
                raise ValueError("unknown request kind %d" % kind)
            try:
                encoded = dumps(result, protocol=5)
            except Exception as error:
                send(response_fd, call_id, STATUS_UNPICKLABLE, describe(error))
                continue
            if len(encoded) > MAXIMUM_RESPONSE_PAYLOAD:
                message = "the result pickles to %d bytes, more than a response frame carries (1 GiB); " \
                    "it was not sent. Return it in parts, or through a file" % len(encoded)
                del encoded, result
                send(response_fd, call_id, STATUS_TOO_LARGE, describe(OverflowError(message)))
                continue
            send(response_fd, call_id, STATUS_OK, encoded)
        except BaseException as error:  # SystemExit and KeyboardInterrupt raised by user code are answered too
            send(response_fd, call_id, STATUS_ERROR, describe(error))
            if kind == KIND_SETUP:
                return


if __name__ == "__main__":
    main()
