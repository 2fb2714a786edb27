import requests.exceptions
import requests_toolbelt.utils.dump as dump  # noqa: F401

from shop.net.http import ApiClient, make_session


def test_session_has_adapters() -> None:
    session = make_session()
    assert "https://" in session.adapters


def test_timeout_is_an_error() -> None:
    assert issubclass(requests.exceptions.Timeout, requests.exceptions.RequestException)


def test_base_url_is_normalised() -> None:
    assert ApiClient("https://x.example/").base_url == "https://x.example"
