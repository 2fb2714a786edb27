"""Outgoing webhooks to partner systems."""
import hashlib
import hmac
import json, requests

from shop.orders import Order


def sign(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def notify_partner(url: str, secret: bytes, order: Order) -> int:
    body = json.dumps({"order": order.number, "status": order.status.value}).encode()
    r = requests.post(url, data=body, headers={"X-Signature": sign(secret, body)}, timeout=5)
    return r.status_code
