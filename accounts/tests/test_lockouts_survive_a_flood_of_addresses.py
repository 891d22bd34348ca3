"""A locked login or a spent two-factor code stays so, however many pages someone asks for.

The flood is what an attacker can send without an account: distinct addresses
that each make a new page-cache entry, three times more than the page cache holds,
so it culls entries while the counters must stay.
"""

import datetime

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.test import Client

PASSWORD = "alice-haslo-123"
# Frozen: the TOTP code, its "used" mark and the lockout windows all stay in one moment.
NOW = datetime.datetime(2026, 3, 2, 9, 0, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _small_page_cache(settings):
    settings.CACHES = {**settings.CACHES, "pages": {**settings.CACHES["pages"], "OPTIONS": {"MAX_ENTRIES": 20}}}


@pytest.fixture
def totp_secret(staff):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    return secret


def _code(secret):
    return format_hotp_value(hotp_value(secret, int(NOW.timestamp()) // 30))


def _log_in(client, password=PASSWORD):
    return client.post("/konto/zaloguj/", {"login": "alice@pup.example", "password": password})


def _flood():
    visitor = Client()
    for n in range(60):
        response = visitor.get(f"/szukaj/?q=slowo{n}")
        assert response["X-Page-Cache"] == "miss"


def test_a_locked_account_stays_locked_after_a_flood(client, staff):
    for _ in range(5):
        assert _log_in(client, "zle-haslo-123").status_code == 200
    assert "_auth_user_id" not in client.session

    _flood()

    response = _log_in(client)
    assert response.status_code == 200
    assert "Zbyt wiele nieudanych prób logowania" in response.text
    assert "_auth_user_id" not in client.session


def test_a_used_two_factor_code_stays_used_after_a_flood(staff, totp_secret):
    first = Client()
    assert _log_in(first)["Location"] == "/konto/weryfikacja-dwuetapowa/kod/"
    assert first.post("/konto/weryfikacja-dwuetapowa/kod/", {"code": _code(totp_secret)}).status_code == 302
    assert "_auth_user_id" in first.session

    _flood()

    second = Client()
    assert _log_in(second)["Location"] == "/konto/weryfikacja-dwuetapowa/kod/"
    response = second.post("/konto/weryfikacja-dwuetapowa/kod/", {"code": _code(totp_secret)})
    assert response.status_code == 200
    assert "_auth_user_id" not in second.session


def test_two_factor_guesses_stay_counted_after_a_flood(client, staff, totp_secret):
    assert _log_in(client)["Location"] == "/konto/weryfikacja-dwuetapowa/kod/"
    right = _code(totp_secret)
    wrong = [f"{n:06d}" for n in range(1000) if f"{n:06d}" != right][:5]
    for code in wrong:
        assert client.post("/konto/weryfikacja-dwuetapowa/kod/", {"code": code}).status_code == 200

    _flood()

    response = client.post("/konto/weryfikacja-dwuetapowa/kod/", {"code": right})
    assert response.status_code == 200
    assert "Zbyt wiele nieudanych prób logowania" in response.text
    assert "_auth_user_id" not in client.session
    assert Authenticator.objects.filter(user=staff).count() == 1
