"""Shipping client: uses the local shop.net.requests module, never the requests library."""
from . import requests
from .requests import ShipmentRequest, build_request

USER_AGENT = "shop/0.3 (import requests is not what we do here)"
HELP = """
To debug, run:
    import requests
    requests.get("https://carrier.example/status")
"""


class ShippingClient:
    def __init__(self, transport) -> None:
        self.transport = transport

    async def ship(self, order_number: str) -> str:
        request = build_request(order_number)

        async def send(req: ShipmentRequest) -> str:
            return await self.transport.send(req)

        return await send(request)

    def describe(self) -> str:
        return requests.__doc__ or ""


def make_client(transport):
    async def warm_up() -> None:
        await transport.connect()

    client = ShippingClient(transport)
    client.warm_up = warm_up
    return client
