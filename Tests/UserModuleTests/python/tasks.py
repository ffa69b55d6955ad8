"""Asynchronous code of the user's own, for the async bindings: coroutines, async generators, async methods."""
import asyncio
from typing import AsyncIterator, Awaitable, Callable

cleanups = []


async def fetch(n: int) -> int:
    """Doubles `n` after yielding to the event loop."""
    await asyncio.sleep(0.001)
    return n * 2


async def greet(name: str, punctuation: str = "!") -> str:
    await asyncio.sleep(0)
    return "hello " + name + punctuation


async def notify(message: str) -> None:
    await asyncio.sleep(0)
    cleanups.append("notified " + message)


async def fail(message: str) -> int:
    await asyncio.sleep(0)
    raise LookupError(message)


async def wait_forever(label: str) -> None:
    try:
        await asyncio.sleep(3600)
    finally:
        cleanups.append("cancelled " + label)


async def countdown(start: int) -> AsyncIterator[int]:
    """Counts down to 1, one number per step."""
    try:
        for number in range(start, 0, -1):
            await asyncio.sleep(0)
            yield number
    finally:
        cleanups.append("countdown closed")


async def apply_async(callback: Callable[[int], Awaitable[int]], value: int) -> int:
    """Awaits an async callback (a Swift async closure) and adds one."""
    return await callback(value) + 1


async def each_async(callback: Callable[[str], Awaitable[None]], words: list[str]) -> int:
    for word in words:
        await callback(word)
    return len(words)


class Downloader:
    """Pretends to download, asynchronously."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    async def download(self, name: str) -> str:
        await asyncio.sleep(0.001)
        return self.prefix + name

    async def lines(self, count: int) -> AsyncIterator[str]:
        for index in range(count):
            await asyncio.sleep(0)
            yield "%s%d" % (self.prefix, index)
