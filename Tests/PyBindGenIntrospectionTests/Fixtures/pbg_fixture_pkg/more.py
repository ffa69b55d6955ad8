from . import core

__all__ = ["twice"]


def twice(item: core.Hidden) -> core.Hidden:
    return core.Hidden(item.double())
