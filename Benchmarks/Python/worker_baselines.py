"""Baselines for the worker pool benchmark, run by pybindgen-benchmarks with the embedded runtime's Python.

Prints one JSON object: raw pipe+pickle ping-pong round trip between two Python processes, multiprocessing
Pool(2).apply round trip (both in microseconds), and Pool(2).map throughput (items per second).
"""
import json
import math
import multiprocessing
import operator
import pickle
import statistics
import struct
import subprocess
import sys
import time

CHILD = r"""
import pickle, struct, sys
read, write = sys.stdin.buffer.read, sys.stdout.buffer
while True:
    header = read(4)
    if not header:
        break
    module, name, args = pickle.loads(read(struct.unpack("<I", header)[0]))
    result = pickle.dumps(getattr(__import__(module), name)(*args), 5)
    write.write(struct.pack("<I", len(result)) + result)
    write.flush()
"""


def ping_pong(rounds, count):
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(count):
            request = pickle.dumps(("math", "sqrt", (2.0,)), 5)
            child.stdin.write(struct.pack("<I", len(request)) + request)
            child.stdin.flush()
            length = struct.unpack("<I", child.stdout.read(4))[0]
            assert pickle.loads(child.stdout.read(length)) == math.sqrt(2.0)
        samples.append((time.perf_counter() - start) / count * 1e6)
    child.stdin.close()
    child.wait()
    return statistics.median(samples[1:])


def pool_apply(pool, rounds, count):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(count):
            pool.apply(math.sqrt, (2.0,))
        samples.append((time.perf_counter() - start) / count * 1e6)
    return statistics.median(samples[1:])


def pool_map(pool, rounds, items):
    samples = []
    inputs = list(range(items))
    for _ in range(rounds):
        start = time.perf_counter()
        result = pool.map(operator.neg, inputs)
        samples.append(items / (time.perf_counter() - start))
        assert result[-1] == -(items - 1)
    return statistics.median(samples[1:])


if __name__ == "__main__":
    import faulthandler

    faulthandler.dump_traceback_later(300, exit=True)  # a stuck baseline ends the run with a traceback
    rounds, count, items = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    with multiprocessing.Pool(2) as pool:
        print(json.dumps({
            "pingPongMicroseconds": ping_pong(rounds, count),
            "poolApplyMicroseconds": pool_apply(pool, rounds, count),
            "poolMapItemsPerSecond": pool_map(pool, rounds, items),
        }))
