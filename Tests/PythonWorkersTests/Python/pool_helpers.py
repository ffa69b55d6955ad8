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
