import pytest

from shop.models import Money, Product


@pytest.fixture
def widget() -> Product:
    return Product(sku="W-1", name="Widget", price=Money(1999))


@pytest.fixture
async def fake_transport():
    class Fake:
        async def send(self, req):
            return "ok"

        async def connect(self):
            return None

    yield Fake()
