"""Our own request objects (shop.net.requests), unrelated to the requests library."""
from dataclasses import dataclass


@dataclass
class ShipmentRequest:
    order_number: str
    carrier: str


def build_request(order_number: str, carrier: str = "dhl") -> ShipmentRequest:
    return ShipmentRequest(order_number, carrier)
