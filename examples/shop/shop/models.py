"""Core value types: money, products and customers.

All of them are plain dataclasses so they compare by value and print nicely.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional


@dataclass(
    frozen=True,
    order=True,
)
class Money:
    """An amount in one currency, kept in minor units (cents) to avoid rounding."""

    cents: int
    currency: str = "EUR"

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.cents + other.cents, self.currency)

    def as_decimal(self) -> Decimal:
        return Decimal(self.cents) / 100


@dataclass
class Product:
    sku: str
    name: str
    price: Money
    tags: list[str] = field(default_factory=list)
    # TODO: track weight for shipping quotes
    description: Optional[str] = None


@functools.total_ordering
@dataclass(eq=True)
class Version:
    major: int
    minor: int

    def __lt__(self, other: "Version") -> bool:
        return (self.major, self.minor) < (other.major, other.minor)


@dataclass
# a comment between the decorator and the class is allowed
class Customer:
    email: str
    name: str = ""
    newsletter: bool = False

    @dataclass
    class Address:
        street: str
        city: str
        country: str = "DE"  # TODO(bob): use ISO country codes everywhere

    addresses: list[Address] = field(default_factory=list)


class Catalog:
    """Not a dataclass: a mutable registry of products."""

    def __init__(self) -> None:
        self._items: dict[str, Product] = {}

    def add(self, product: Product) -> None:
        self._items[product.sku] = product

    def find(self, sku: str) -> Optional[Product]:
        return self._items.get(sku)
