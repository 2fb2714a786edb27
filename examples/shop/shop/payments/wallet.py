"""Wallet payments (optional dependency)."""
try:
    import requests as http
except ImportError:  # pragma: no cover
    http = None

from shop.models import Money


class WalletUnavailable(RuntimeError):
    pass


async def pay_with_wallet(token: str, amount: Money) -> bool:
    if http is None:
        raise WalletUnavailable("install requests to use wallets")
    # TODO:make this really asynchronous
    response = http.post("https://wallet.example/pay", json={"token": token, "cents": amount.cents}, timeout=5)
    return response.ok
