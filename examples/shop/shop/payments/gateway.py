"""The card gateway adapter."""
import json
import uuid

from shop.models import Money
from shop.ports import PaymentGateway

API_URL = "https://payments.example/v2"


class CardGateway:
    """Implements shop.ports.PaymentGateway without subclassing it."""

    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def charge(self, customer_email: str, amount: Money) -> str:
        import requests  # imported lazily: the CLI does not need it

        # TODO(alice): retry on 502 with the idempotency key
        response = requests.post(
            f"{API_URL}/charges",
            headers={"Authorization": f"Bearer {self.api_key}", "Idempotency-Key": str(uuid.uuid4())},
            data=json.dumps({"email": customer_email, "cents": amount.cents, "currency": amount.currency}),
            timeout=10,
        )
        response.raise_for_status()
        return response.json()["id"]

    def refund(self, transaction_id: str) -> None:
        raise NotImplementedError  # TODO: refunds need the v3 API


def check(gateway: PaymentGateway) -> bool:
    return callable(getattr(gateway, "charge", None))
