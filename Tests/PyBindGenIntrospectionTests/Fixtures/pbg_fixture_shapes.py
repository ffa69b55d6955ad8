"""Shapes the introspection fixture tests pin (runtime side; the stubs are in pbg_fixture_shapes.pyi)."""
import datetime
import os
from typing import TypeVar

_N = TypeVar("_N", int, str)


class Widget:
    """A class the module generates."""

    def __init__(self, size: int) -> None:
        self.size = size

    def grow(self, by: int | float) -> "Widget":
        return Widget(self.size + int(by))


class Stack:
    """A generic class (its type variables are in the stubs)."""

    def __init__(self, items=(), *, text=""):
        self.items = list(items) or list(text)

    def pop(self):
        return self.items.pop()

    def limit(self):
        return len(self.items)

    def label(self):
        return "stack"

    def zip_with(self, other):
        return list(zip(self.items, other))

    def copy(self):
        return Stack(self.items)


def make_stack():
    return Stack("abc")


def numbers(x: int | float) -> int | float:
    return x


def maybe(x: int | str | None = None) -> str | None:
    return None if x is None else str(x)


def five_arguments(callback, values):
    return callback(*values)


def open_path(path: os.PathLike[str]) -> str:
    return os.fspath(path)


def iterate(items):
    return iter(str(item) for item in items)


def today() -> datetime.date:
    return datetime.date.today()


def make_widget(size: int) -> Widget:
    return Widget(size)


def pick(x: _N) -> _N:
    return x


def with_mode(mode, level):
    """Literal types: an alias of aliases, a literal in a union, a literal result."""
    return "ok"
