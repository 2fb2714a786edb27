"""HTTP session with retries for the payment and shipping APIs."""
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


def make_session(retries: int = 3, backoff: float = 0.5) -> requests.Session:
    session = requests.Session()
    retry = Retry(total=retries, backoff_factor=backoff, status_forcelist=(502, 503, 504))
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


class ApiClient:
    def __init__(self, base_url: str, session: "requests.Session | None" = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or make_session()

    def get_json(self, path: str) -> dict:
        response = self.session.get(f"{self.base_url}/{path.lstrip('/')}", timeout=10)
        response.raise_for_status()
        return response.json()

    async def get_json_async(self, path: str) -> dict:
        import asyncio

        return await asyncio.to_thread(self.get_json, path)
