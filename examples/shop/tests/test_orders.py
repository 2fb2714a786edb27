import dataclasses

import pytest

from shop.models import Money
from shop.orders import Order, split_order


@dataclasses.dataclass
class Case:
    lines: int
    max_lines: int
    parts: int


CASES = [Case(0, 2, 0), Case(3, 2, 2), Case(4, 2, 2)]


@pytest.mark.parametrize("case", CASES)
def test_split(case: Case) -> None:
    order = Order("A-1", "a@example.com")
    order.lines = [Order.Line(f"S{i}", 1, Money(100)) for i in range(case.lines)]
    assert len(split_order(order, case.max_lines)) == case.parts


@pytest.mark.asyncio
async def test_shipping(fake_transport) -> None:
    from shop.net.client import ShippingClient

    client = ShippingClient(fake_transport)
    assert await client.ship("A-1") == "ok"  # TODO(dave): assert on the request too
