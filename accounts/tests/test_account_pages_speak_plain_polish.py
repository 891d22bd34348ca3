"""allauth's pages and e-mails in plain Polish, and a staff login that says what it is."""

import re

from django.core import mail

from adminsite.tests.test_admin_speaks_polish import GENDER_FORMS, visible_text

STIFF = [
    "Zapomniałeś",
    "Pamiętaj mnie",
    "proszę",
    "w celu zarejestrowania",
    "w domenie",
    "Zresetuj moje hasło",
    "Hello from",
    "Thank you for using",
]


def main_text(response):
    """What the page itself says (the site's header, footer and cookie notice are not allauth's)."""
    html = response.text
    return visible_text(html[html.index("<main") : html.index("</main>")])


def assert_plain(text):
    assert not [s for s in STIFF if s in text], text
    # Addresses are left out: a random key in a link may read like „…y/na”.
    assert not GENDER_FORMS.search(re.sub(r"https?://\S+", "", text)), text


def test_the_login_page_says_log_in_and_offers_an_account(client, db):
    text = main_text(client.get("/konto/zaloguj/"))
    assert "Logowanie" in text and "Nie masz jeszcze konta?" in text and "Nie pamiętasz hasła?" in text
    assert "Zapamiętaj mnie na tym urządzeniu" in text and "Zaloguj się" in text
    assert_plain(text)


def test_the_admin_sends_staff_to_a_login_that_says_it_is_for_staff(client, db):
    response = client.get("/admin/", follow=True)
    text = main_text(response)
    assert "<title>Logowanie dla pracowników" in response.text
    assert "Logowanie dla pracowników" in text and "kodem z aplikacji uwierzytelniającej" in text
    assert "Załóż" not in text.split("Logowanie dla pracowników", 1)[1].split("Zaloguj się")[0]


def test_signing_up_sends_a_plain_polish_confirmation(client, db, in_background):
    page = main_text(client.get("/konto/zaloz/"))
    assert "Załóż konto" in page and "Masz już konto?" in page
    assert_plain(page)
    with in_background():
        client.post(
            "/konto/zaloz/",
            {"email": "ewa@example.com", "password1": "dlugie-haslo-42", "password2": "dlugie-haslo-42"},
        )
    message = mail.outbox[-1]
    assert message.subject == "[Partnerstwo Lokalne] Potwierdź adres e-mail"
    assert "ten adres e-mail podano jako adres konta w portalu Partnerstwa Lokalnego Powiatu Nowodworskiego" in (
        message.body
    )
    assert_plain(message.body)
    html = message.alternatives[0][0]
    assert ">Potwierdź adres e-mail</h1>" in html and "[Partnerstwo Lokalne]" not in html  # the prefix is the inbox's
    assert message.body.rstrip().endswith("zespół portalu Partnerstwa Lokalnego Powiatu Nowodworskiego")  # no host


def test_a_forgotten_password_mail_is_plain_polish(client, reader, in_background):
    page = main_text(client.get("/konto/haslo/nowe/"))
    assert "Podaj adres e-mail swojego konta" in page
    assert_plain(page)
    with in_background():
        client.post("/konto/haslo/nowe/", {"email": reader.email})
    message = mail.outbox[-1]
    assert message.subject == "[Partnerstwo Lokalne] Nowe hasło do konta"
    assert "otrzymaliśmy prośbę o nowe hasło do konta" in message.body
    assert_plain(message.body)


def test_the_two_factor_pages_use_the_same_words_as_the_rest_of_the_portal(client, reader):
    client.force_login(reader)
    text = main_text(client.get("/konto/weryfikacja-dwuetapowa/"))
    assert "Weryfikacja dwuetapowa" in text and "Aplikacja uwierzytelniająca" in text
    assert "Kody zapasowe" in text and "Autoryzacja" not in text
    assert "Podaj hasło:" in main_text(client.get("/konto/potwierdz-dostep/"))
