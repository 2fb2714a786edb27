"""The ports the domain talks to; adapters live in shop.net and shop.payments."""
from __future__ import annotations

from collections.abc import Sized
from typing import Generic, Iterable, Protocol, TypeVar, runtime_checkable

from shop.models import Money, Product

K = TypeVar("K")
V = TypeVar("V")


@runtime_checkable
class PaymentGateway(Protocol):
    """Something that can take money from a customer."""

    def charge(self, customer_email: str, amount: Money) -> str:
        """Charge and return the provider's transaction id."""
        ...

    def refund(self, transaction_id: str) -> None:
        ...


class Repository(Protocol[K, V]):
    def get(self, key: K) -> V | None:
        ...

    def put(self, key: K, value: V) -> None:
        ...


class Ledger(
    Sized,  # has a length: the number of entries
    Protocol,
):
    def record(self, description: str, amount: Money) -> None:
        ...


class ProductFeed(Iterable[Product], Protocol): ...


class Checkout:
    class Step(Protocol):
        def run(self, order_number: str) -> bool:
            ...

    def __init__(self, steps: list[Checkout.Step]) -> None:
        self.steps = steps


class InMemoryRepository(Generic[K, V]):
    """A plain generic class; it satisfies Repository structurally but does not list Protocol."""

    def __init__(self) -> None:
        self._data: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self._data.get(key)

    def put(self, key: K, value: V) -> None:
        self._data[key] = value
