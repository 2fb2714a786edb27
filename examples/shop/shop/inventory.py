"""Stock levels per warehouse."""
from dataclasses import dataclass as dc, field
from typing import Iterator


@dc
class StockLevel:
    sku: str
    warehouse: str
    on_hand: int = 0
    reserved: int = 0

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dc(frozen=True)
class Warehouse:
    code: str
    city: str


class Inventory:
    def __init__(self) -> None:
        self._levels: dict[tuple[str, str], StockLevel] = {}

    def __iter__(self) -> Iterator[StockLevel]:
        return iter(self._levels.values())

    def reserve(self, sku: str, warehouse: str, quantity: int) -> bool:
        level = self._levels.get((sku, warehouse))
        if level is None or level.available < quantity:
            return False
        level.reserved += quantity  # TODO: emit a StockReserved event
        return True


def restock_plan(levels: list[StockLevel], minimum: int = 5) -> list[str]:
    """Return SKUs below the minimum.

    TODO: this docstring line is not a comment and must not be reported.
    """
    return [lvl.sku for lvl in levels if lvl.available < minimum]
