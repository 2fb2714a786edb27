"""Discounts and price rules."""
from typing import Protocol as Proto, TypeVar

from shop.models import Money

T_co = TypeVar("T_co", covariant=True)


class ProtocolError(Exception):
    """Raised when a pricing rule breaks its contract; not a typing Protocol."""


class PricingRule(Proto[T_co]):
    def apply(self, price: Money) -> Money: ...


class Discount(PricingRule[Money]):
    """Implements a protocol by subclassing it, but does not list Protocol itself."""

    def __init__(self, percent: int) -> None:
        self.percent = percent

    def apply(self, price: Money) -> Money:
        return Money(price.cents * (100 - self.percent) // 100, price.currency)


def best_price(price: Money, rules: "list[PricingRule[Money]]") -> Money:
    best = price
    for rule in rules:
        candidate = rule.apply(price)
        if candidate.cents < best.cents:
            best = candidate
    if best.cents < 0:
        raise ProtocolError("negative price")  # TODO: clamp instead of failing
    return best
