"""Every allauth page has a Polish address; its English one, from e-mails already sent, still leads there."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import URLResolver, get_resolver, reverse

# Arguments for the pages that take them, shaped as allauth's own links are.
ARGUMENTS = {
    "account_confirm_email": {"key": "MQ:1vRz5a:abc-123_x"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "cz5x1a-0123456789abcdef"},
}


def names(urlconf):
    found = set()

    def walk(resolver):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry)
            elif entry.name:
                found.add(entry.name)

    walk(get_resolver(urlconf))
    return found


ALLAUTH_NAMES = sorted(names("allauth.urls"))


def test_every_allauth_page_the_portal_has_keeps_its_name():
    assert names("accounts.allauth_urls") == set(ALLAUTH_NAMES)


@pytest.mark.parametrize("name", ALLAUTH_NAMES)
def test_each_address_is_polish(name):
    address = reverse(name, kwargs=ARGUMENTS.get(name))
    assert address.startswith("/konto/")
    words = address.removeprefix("/konto/")
    for argument in ARGUMENTS.get(name, {}).values():
        words = words.replace(argument, "")
    english = re.findall(r"login|logout|signup|inactive|email|confirm|password|reset|2fa|totp|recovery|code", words)
    assert english == [], address


def test_the_addresses_residents_meet_read_as_polish():
    assert reverse("account_login") == "/konto/zaloguj/"
    assert reverse("account_signup") == "/konto/zaloz/"
    assert reverse("account_email_verification_sent") == "/konto/potwierdz-adres/"
    assert reverse("account_confirm_email", args=["abc"]) == "/konto/potwierdz-adres/abc/"
    assert reverse("account_reset_password") == "/konto/haslo/nowe/"
    assert reverse("account_email") == "/konto/adres-e-mail/"
    assert reverse("mfa_index") == "/konto/weryfikacja-dwuetapowa/"


@pytest.mark.parametrize("name", ALLAUTH_NAMES)
def test_the_english_address_redirects_permanently_with_its_query(client, db, name):
    english = "/konto" + reverse(name, urlconf="allauth.urls", kwargs=ARGUMENTS.get(name))
    response = client.get(f"{english}?next=/aktualnosci/&x=%C5%BC")
    assert response.status_code == 301, english
    assert response["Location"] == reverse(name, kwargs=ARGUMENTS.get(name)) + "?next=/aktualnosci/&x=%C5%BC"


def test_a_sign_up_link_from_an_old_e_mail_still_confirms_the_address(client, db, mailoutbox, in_background):
    with in_background():
        client.post(
            "/konto/zaloz/",
            {"email": "nowa@example.com", "password1": "Dlugie-haslo-2024", "password2": "Dlugie-haslo-2024"},
        )
    [mail] = mailoutbox
    link = re.search(r"http://testserver(/konto/potwierdz-adres/\S+/)", mail.body).group(1)
    old_link = link.replace("/konto/potwierdz-adres/", "/konto/confirm-email/")

    response = client.get(old_link, follow=True)
    assert response.redirect_chain == [(link, 301)]
    assert "Potwierdź" in response.text
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="nowa@example.com").verified


def test_a_password_reset_link_from_an_old_e_mail_still_sets_a_password(client, reader, mailoutbox, in_background):
    with in_background():
        client.post("/konto/haslo/nowe/", {"email": reader.email})
    [mail] = mailoutbox
    link = re.search(r"http://testserver(/konto/haslo/nowe/klucz/\S+/)", mail.body).group(1)
    old_link = link.replace("/konto/haslo/nowe/klucz/", "/konto/password/reset/key/")

    response = client.get(old_link, follow=True)
    assert response.redirect_chain[0] == (link, 301)
    form_page = response.redirect_chain[-1][0]
    assert form_page.startswith("/konto/haslo/nowe/klucz/") and form_page.endswith("-set-password/")
    response = client.post(form_page, {"password1": "Nowe-dlugie-haslo-2025", "password2": "Nowe-dlugie-haslo-2025"})
    assert response["Location"] == "/konto/haslo/nowe/gotowe/"
    reader.refresh_from_db()
    assert reader.check_password("Nowe-dlugie-haslo-2025")
