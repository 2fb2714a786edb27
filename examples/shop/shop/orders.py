"""Orders and their lines."""
import dataclasses as dc
import enum
from typing import List

from shop.models import Money


class Status(enum.Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"


@dc.dataclass(slots=True)
class Order:
    number: str
    customer_email: str
    status: Status = Status.NEW
    lines: List["Order.Line"] = dc.field(default_factory=list)

    @dc.dataclass
    class Line:
        sku: str
        quantity: int
        unit_price: Money

        def total(self) -> Money:
            return Money(self.unit_price.cents * self.quantity, self.unit_price.currency)

    def total(self) -> Money:
        result = Money(0)
        for line in self.lines:
            result = result + line.total()
        return result


def split_order(order: Order, max_lines: int) -> List[Order]:
    # TODO(carol): keep the original number on the first part
    parts = []
    for start in range(0, len(order.lines), max_lines):
        part = dc.replace(order, number=f"{order.number}-{start // max_lines}", lines=order.lines[start:start + max_lines])
        parts.append(part)
    return parts
