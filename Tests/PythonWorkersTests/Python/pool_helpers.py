"""Functions the worker pool tests call in the workers."""
import os
import sys
import time


def echo(value, delay=0.0):
    if delay:
        time.sleep(delay)
    return value


def pid():
    return os.getpid()


def record_pid_then_sleep(path, seconds):
    with open(path, "w") as handle:
        handle.write(str(os.getpid()))
    time.sleep(seconds)
    return "survived"


def exit_now():
    os._exit(1)


def chatty(megabytes):
    line = "x" * 1023
    for _ in range(megabytes * 1024):
        print(line)
    print("to stderr", file=sys.stderr)
    return "done"


def corrupt_frame():
    os.write(4, b"\xff\xff\xff\xff" + b"not a frame" * 10)
    time.sleep(10)


def unpicklable_result():
    return lambda: None


def remember(key, value):
    global _memory
    try:
        _memory
    except NameError:
        _memory = {}
    _memory[key] = value
    return os.getpid()


STARTED = False


def mark_started():
    global STARTED
    STARTED = True


def was_started():
    return STARTED


class OnlyOnWorkers:
    """Instances unpickle only where this module is importable."""


def only_on_workers():
    return OnlyOnWorkers()


def slow_negate(value):
    time.sleep(0.005)
    return -value


class MakeDirectory:
    """A result whose unpickling would call os.mkdir in whoever unpickles it."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def malicious(path):
    return MakeDirectory(path)


def standard_values():
    import collections, datetime, decimal, fractions, ipaddress, pathlib, uuid
    return [datetime.date(2024, 1, 2), datetime.timedelta(seconds=5), decimal.Decimal("1.5"),
            fractions.Fraction(1, 3), collections.OrderedDict(a=1), collections.Counter("aab"),
            uuid.UUID(int=1), pathlib.PurePosixPath("/x"), ipaddress.ip_address("10.0.0.1"), {1, 2}, 2 + 3j]


def long_line(length):
    sys.stdout.write("y" * length)
    sys.stdout.flush()
    return length


def open_fds():
    """The descriptors open in this worker (the one listdir uses is gone again by the time it returns)."""
    return sorted(int(name) for name in os.listdir("/proc/self/fd"))


def append_pid_then_sleep(path, seconds):
    """Appends this worker's pid to `path` (one line per run, so a second run shows), then sleeps."""
    with open(path, "a") as handle:
        handle.write("%d\n" % os.getpid())
    time.sleep(seconds)
    return os.getpid()


def fork_sleeper_then(path, exit_worker):
    """Forks a child that sleeps (holding every pipe the worker holds) and writes its pid to `path`; then either
    ends the worker at once or returns the child's pid."""
    child = os.fork()
    if child == 0:
        time.sleep(60)
        os._exit(0)
    with open(path, "w") as handle:
        handle.write(str(child))
    if exit_worker:
        os._exit(3)
    return child


def huge_result(size):
    return b"x" * size


_reaping_children = False


def chaos_call(directory, index, seconds, fork):
    """Records this run in `directory/index` (one line per run: at most one may ever appear), optionally forks a
    short-lived child (the host's grandchild), sleeps, and returns `index`."""
    global _reaping_children
    if not _reaping_children:
        import signal
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
        _reaping_children = True
    descriptor = os.open(os.path.join(directory, str(index)), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.write(descriptor, b"%d\n" % os.getpid())
    os.close(descriptor)
    if fork and os.fork() == 0:
        time.sleep(seconds * 4)
        os._exit(0)
    time.sleep(seconds)
    return index


def object_table_size():
    """How many objects this worker's table holds (the worker script runs as __main__)."""
    import __main__
    return len(__main__.objects)


class Account:
    """A stateful object for the remote-object tests: it lives in one worker."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("a deposit must be positive, got %r" % amount)
        self.balance += amount
        return self.balance

    def huge_statement(self, size):
        return b"x" * size

    def crash(self):
        os._exit(7)

    def chaos_deposit(self, directory, index, seconds):
        """`chaos_call` on an object: records the run, then adds 1 to the balance."""
        chaos_call(directory, index, seconds, False)
        self.balance += 1
        return self.balance

    def hang(self, seconds):
        time.sleep(seconds)
        return self.balance


def qualified_type_name(value):
    return type(value).__module__ + "." + type(value).__qualname__


def sleep_then_negate(value):
    time.sleep(0.2)
    return -value
