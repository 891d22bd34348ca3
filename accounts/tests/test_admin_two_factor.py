"""Staff reach the admin only through allauth and, when required, with a second factor."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

PASSWORD = "alice-haslo-123"


def _code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def _log_in(client, email="alice@pup.example", password=PASSWORD, next_url="/admin/"):
    return client.post("/konto/zaloguj/", {"login": email, "password": password, "next": next_url})


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def test_admin_login_page_sends_to_the_site_login(client, db):
    response = client.get("/admin/login/?next=/admin/news/post/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/zaloguj/?next=%2Fadmin%2Fnews%2Fpost%2F"


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, staff, mfa_required):
    response = _log_in(client)
    assert response["Location"] == "/admin/"
    for url in ["/admin/", "/admin/news/post/", "/admin/news/comment/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/"
    # allauth asks for the password once more before it changes the second factor.
    response = client.get("/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/")
    assert (
        response["Location"] == "/konto/potwierdz-dostep/?next=%2Fkonto%2Fweryfikacja-dwuetapowa%2Faplikacja%2Fwlacz%2F"
    )
    html = client.get(response["Location"]).text
    assert "Panel administracyjny wymaga weryfikacji dwuetapowej" in html
    response = client.post(
        response["Location"], {"password": PASSWORD, "next": "/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/"}
    )
    assert response["Location"] == "/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/"
    html = client.get("/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/").text
    assert 'class="qr-code"' in html
    assert "Aktywuj" in html


def test_staff_set_up_the_authenticator_app_then_reach_the_admin(client, staff, mfa_required):
    _log_in(client)
    client.post("/konto/potwierdz-dostep/", {"password": PASSWORD})
    client.get("/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/")
    secret = client.session["mfa.totp.secret"]
    response = client.post("/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/", {"code": _code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/konto/weryfikacja-dwuetapowa/kody-zapasowe/"
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.RECOVERY_CODES).exists()
    codes = client.get("/konto/weryfikacja-dwuetapowa/kody-zapasowe/").text
    assert '<a href="/admin/">przejdź do panelu administracyjnego</a>' in codes  # the way back
    assert client.get("/admin/").status_code == 200


def test_staff_with_an_authenticator_cannot_get_in_with_the_password_alone(client, staff, mfa_required):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    response = _log_in(client)
    assert response["Location"] == "/konto/weryfikacja-dwuetapowa/kod/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")

    response = client.post(
        "/konto/weryfikacja-dwuetapowa/kod/", {"code": "000000" if _code(secret) != "000000" else "111111"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post("/konto/weryfikacja-dwuetapowa/kod/", {"code": _code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_also_lets_staff_in(client, staff, mfa_required):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    TOTP.activate(staff, generate_totp_secret())
    codes = RecoveryCodes.activate(staff).get_unused_codes()
    _log_in(client)
    response = client.post("/konto/weryfikacja-dwuetapowa/kod/", {"code": codes[0]})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_without_the_requirement_the_password_is_enough(client, staff, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    _log_in(client)
    assert client.get("/admin/").status_code == 200


def test_readers_are_refused_from_the_admin(client, reader, mfa_required):
    _log_in(client, "bob@example.com", "bob-haslo-123")
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403


def test_the_two_factor_page_is_polish_in_the_site_layout(client, staff, mfa_required):
    client.force_login(staff)
    html = client.get("/konto/weryfikacja-dwuetapowa/").text
    assert 'class="site-header"' in html
    assert re.search(r"<h1>\s*Weryfikacja dwuetapowa\s*</h1>", html)
