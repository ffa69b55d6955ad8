"""A small, fully annotated module, bound by the tests the way a user binds their own code."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NotRequired, TypedDict

__all__ = ["InventoryError", "Item", "Inventory", "Report", "summarize", "parse_counts", "restock_plan",
           "Delivery", "plan_delivery", "receive"]


class InventoryError(Exception):
    """Raised when an operation would leave the stock inconsistent."""


@dataclass
class Item:
    """One line of stock."""

    name: str
    price: float
    quantity: int = 0

    def total(self) -> float:
        """The value of this line: price times quantity."""
        return self.price * self.quantity


class Inventory:
    """A shop's stock, by item name."""

    def __init__(self, owner: str, currency: str = "EUR", *, capacity: int = 100) -> None:
        self.owner: str = owner
        self.currency: str = currency
        self.capacity: int = capacity
        self._items: dict[str, Item] = {}

    @property
    def size(self) -> int:
        """How many units are in stock."""
        return sum(item.quantity for item in self._items.values())

    def add(self, name: str, price: float, quantity: int = 1) -> Item:
        """Adds `quantity` units of `name` at `price`; raises InventoryError past the capacity."""
        if self.size + quantity > self.capacity:
            raise InventoryError(f"{name}: capacity {self.capacity} exceeded")
        item = self._items.get(name)
        if item is None:
            item = self._items[name] = Item(name, price, 0)
        item.price = price
        item.quantity += quantity
        return item

    def names(self) -> list[str]:
        """The item names, sorted."""
        return sorted(self._items)

    def counts(self) -> dict[str, int]:
        """Units in stock per item."""
        return {name: item.quantity for name, item in self._items.items()}

    def find(self, name: str) -> Item | None:
        """The item called `name`, or None."""
        return self._items.get(name)

    def largest(self) -> tuple[str, int]:
        """The item with the most units and its count."""
        if not self._items:
            raise InventoryError("the inventory is empty")
        item = max(self._items.values(), key=lambda item: (item.quantity, item.name))
        return item.name, item.quantity

    def remove(self, name: str, quantity: int, *, strict: bool = True) -> int:
        """Takes `quantity` units of `name` out; returns how many were taken. With `strict`, taking more than there
        is raises InventoryError."""
        item = self._items.get(name)
        available = item.quantity if item is not None else 0
        if quantity > available and strict:
            raise InventoryError(f"{name}: only {available} in stock")
        taken = min(quantity, available)
        if item is not None:
            item.quantity -= taken
        return taken


def summarize(inventory: Inventory, *, limit: int = 3) -> str:
    """One line: the owner and the first `limit` item names."""
    return f"{inventory.owner}: {', '.join(inventory.names()[:limit])}"


def parse_counts(text: str) -> dict[str, int]:
    """`"apples=3, pears=2"` -> `{"apples": 3, "pears": 2}`."""
    result: dict[str, int] = {}
    for part in text.split(","):
        if part.strip():
            name, _, count = part.partition("=")
            result[name.strip()] = int(count)
    return result


def restock_plan(counts: dict[str, int], minimum: int = 5) -> list[tuple[str, int]] | None:
    """What to order to bring every item to `minimum`, or None when nothing is needed."""
    plan = [(name, minimum - count) for name, count in sorted(counts.items()) if count < minimum]
    return plan or None


class Report:
    """A summary of an inventory, with one property of each kind of value."""

    def __init__(self, inventory: Inventory) -> None:
        self._inventory = inventory

    @property
    def title(self) -> str:
        return "Stock of " + self._inventory.owner

    @property
    def units(self) -> int:
        return self._inventory.size

    @property
    def average_price(self) -> float:
        items = [self._inventory.find(name) for name in self._inventory.names()]
        return sum(item.price for item in items if item) / max(len(items), 1)

    @property
    def empty(self) -> bool:
        return self._inventory.size == 0

    @property
    def signature(self) -> bytes:
        return self._inventory.owner.encode()

    @property
    def note(self) -> str | None:
        return None if self._inventory.size else "nothing in stock"

    @property
    def names(self) -> list[str]:
        return self._inventory.names()

    @property
    def counts(self) -> dict[str, int]:
        return self._inventory.counts()

    @property
    def largest(self) -> tuple[str, int]:
        return self._inventory.largest()

    @property
    def source(self) -> Inventory:
        return self._inventory

    @property
    def spread(self) -> complex:
        return complex(self.units, len(self._inventory.names()))


class Delivery(TypedDict):
    """An order to restock one item: a dict with these keys."""

    item: str
    quantity: int
    note: NotRequired[str]


def plan_delivery(item: str, quantity: int) -> Delivery:
    """A delivery of `quantity` units of `item`, without a note."""
    return {"item": item, "quantity": quantity}


def receive(inventory: Inventory, delivery: Delivery, price: float = 1.0) -> str:
    """Adds the delivery to the inventory; returns its note, or "no note"."""
    inventory.add(delivery["item"], price, delivery["quantity"])
    return delivery.get("note", "no note")
