"""Mirrors the product catalogue to a partner: uses the vendored helper, not the requests library."""
import requests_toolbelt  # noqa: F401  (a different distribution)
from shop.vendor.requests import fetch
from vendor.requests import fetch as vendored_fetch  # the name installers use

MIRROR_URL = "https://partner.example/catalogue.json"


def pull() -> bytes:
    return fetch(MIRROR_URL) or vendored_fetch(MIRROR_URL)
