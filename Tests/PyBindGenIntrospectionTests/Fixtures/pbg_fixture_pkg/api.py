from . import core

__all__ = ["make"]


def make(value: int) -> core.Hidden:
    return core.Hidden(value)
