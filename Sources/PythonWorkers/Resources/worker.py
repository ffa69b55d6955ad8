"""The worker side of swift-pybindgen's PythonWorkers pool.

Started as `python3 worker.py REQUEST_FD RESPONSE_FD`. Frames travel on those two pipes, never on stdout or
stderr, which the host captures and logs. Every frame is

    u32 length (of what follows, little-endian) | u64 call id | u8 kind or status | payload (a pickle)

Requests: kind 1 = call (module, qualname, args, kwargs or None); kind 2 = map (module, qualname, items), one positional
argument per item; kind 0 = setup (search_paths, imports, code), the first frame, answered with call id 0.
Responses: status 0 = result; status 1 = exception (type name, message, traceback), always plain strings;
status 2 = the result could not be pickled (same payload as an exception).
"""
import importlib
import os
import pickle
import struct
import sys
import traceback

HEADER = struct.Struct("<IQB")
KIND_SETUP, KIND_CALL, KIND_MAP = 0, 1, 2
STATUS_OK, STATUS_ERROR, STATUS_UNPICKLABLE = 0, 1, 2


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


def main():
    request_fd, response_fd = int(sys.argv[1]), int(sys.argv[2])
    os.set_inheritable(request_fd, False)
    os.set_inheritable(response_fd, False)
    loads, dumps = pickle.loads, pickle.dumps
    reader = FrameReader(request_fd)
    while True:
        header = reader.read_exactly(HEADER.size)
        if header is None:
            return  # the host closed the pipe: a graceful stop
        length, call_id, kind = HEADER.unpack(header)
        payload = reader.read_exactly(length - 9)
        if payload is None:
            return
        try:
            request = loads(payload)
            if kind == KIND_CALL:
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
            send(response_fd, call_id, STATUS_OK, encoded)
        except BaseException as error:  # SystemExit and KeyboardInterrupt raised by user code are answered too
            send(response_fd, call_id, STATUS_ERROR, describe(error))
            if kind == KIND_SETUP:
                return


if __name__ == "__main__":
    main()
