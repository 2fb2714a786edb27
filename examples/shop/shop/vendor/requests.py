"""A trimmed copy of a download helper, vendored for the offline installer."""
import urllib.request


def fetch(url: str, timeout: float = 10.0) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
        return response.read()
