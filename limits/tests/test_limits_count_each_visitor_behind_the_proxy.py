"""Behind the reverse proxy, one visitor's attempts never lock out the others."""

import pytest
from django.core.cache import cache

from pages.middleware import RequestLimitsMiddleware

PROXY = "10.0.1.5"


@pytest.fixture(autouse=True)
def behind_proxy(settings, db, monkeypatch):
    settings.TRUSTED_PROXIES = [PROXY]
    # Every form post counts towards the ceiling per address; 100 keeps the tests short.
    monkeypatch.setattr(RequestLimitsMiddleware, "POST_LIMIT", 100)
    cache.clear()
    yield
    cache.clear()


def through_proxy(visitor):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": visitor}


def test_form_posts_are_counted_per_visitor_not_per_proxy(client):
    for _ in range(100):
        assert client.post("/ciasteczka/", {"next": "/"}, **through_proxy("198.51.100.1")).status_code != 429
    assert client.post("/ciasteczka/", {"next": "/"}, **through_proxy("198.51.100.1")).status_code == 429
    assert client.post("/ciasteczka/", {"next": "/"}, **through_proxy("198.51.100.2")).status_code != 429


def test_a_visitor_cannot_escape_a_limit_by_sending_the_header_directly(client):
    for _ in range(100):
        client.post("/ciasteczka/", {"next": "/"}, REMOTE_ADDR="203.0.113.7")
    spoofed = client.post(
        "/ciasteczka/", {"next": "/"}, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.99"
    )
    assert spoofed.status_code == 429


def test_a_visitor_cannot_escape_a_limit_by_prepending_addresses_through_the_proxy(client):
    for n in range(100):
        client.post("/ciasteczka/", {"next": "/"}, **through_proxy(f"192.0.2.{n}, 198.51.100.1"))
    response = client.post("/ciasteczka/", {"next": "/"}, **through_proxy("192.0.2.200, 198.51.100.1"))
    assert response.status_code == 429


def failed_login(client, visitor, n):
    return client.post(
        "/konto/zaloguj/", {"login": f"osoba{n}@example.com", "password": "zle-haslo-123"}, **through_proxy(visitor)
    )


def test_failed_logins_lock_out_only_the_visitor_who_made_them(client):
    # allauth allows 10 failed logins a minute per address (login_failed), then refuses to check.
    locked = "Zbyt wiele nieudanych prób logowania"
    for n in range(10):
        assert locked not in failed_login(client, "198.51.100.1", n).text
    assert locked in failed_login(client, "198.51.100.1", 10).text
    assert locked not in failed_login(client, "198.51.100.2", 11).text
