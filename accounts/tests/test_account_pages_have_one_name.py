"""Every account page has one name in its breadcrumbs, its heading and its title, and says „Potwierdź”."""

import html as html_lib
import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC

ANONYMOUS = [
    "/konto/zaloguj/",
    "/konto/zaloz/",
    "/konto/haslo/nowe/",
    "/konto/haslo/nowe/wyslano/",
    "/konto/potwierdz-adres/",
    "/konto/potwierdz-adres/zly-klucz/",
    "/konto/haslo/nowe/klucz/1-zly-klucz/",
]
SIGNED_IN = [
    "/konto/",
    "/konto/adres-e-mail/",
    "/konto/haslo/zmien/",
    "/konto/weryfikacja-dwuetapowa/",
    "/konto/usun/",
    "/konto/wyloguj/",
]


def _text(fragment):
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def names(page):
    """(breadcrumb, heading, title) of a page."""
    crumb = re.search(r'<span aria-current="page">(.*?)</span>', page, re.S).group(1)
    heading = re.search(r"<main.*?<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).split(" – ")[0]
    return _text(crumb), _text(heading), _text(title)


def main(page):
    return page[page.index("<main") : page.index("</main>")]


@pytest.mark.parametrize("path", ANONYMOUS)
def test_each_page_for_visitors_has_one_name(client, db, path):
    response = client.get(path)
    spent_link = path.startswith("/konto/haslo/nowe/klucz/")  # answers 410 Gone with its explanation
    assert response.status_code == (410 if spent_link else 200), response.status_code
    crumb, heading, title = names(response.text)
    assert crumb == heading == title, (path, crumb, heading, title)
    assert "Zweryfikuj" not in response.text and "weryfikac" not in _text(main(response.text))


@pytest.mark.parametrize("path", SIGNED_IN)
def test_each_page_of_a_reader_has_one_name(client, reader, path):
    client.force_login(reader)
    response = client.get(path)
    assert response.status_code == 200
    crumb, heading, title = names(response.text)
    assert crumb == heading == title, (path, crumb, heading, title)
    assert "Zweryfikuj" not in response.text and "weryfikac" not in _text(main(response.text))


def test_my_account_says_the_address_once_and_not_as_a_message(client, reader):
    client.force_login(reader)
    page = main(client.get("/konto/").text)
    assert "Zalogowano jako" not in page
    assert page.count("bob@example.com") == 1


def test_the_e_mail_page_shows_addresses_as_text_that_wraps(client, reader):
    client.force_login(reader)
    response = client.post("/konto/adres-e-mail/", {"action_add": "", "email": "jan.nowak.pomiechowek@example.org"})
    assert response.status_code == 302
    page = main(client.get("/konto/adres-e-mail/").text)
    # Not disabled fields that cut a long address: text that wraps anywhere.
    assert "disabled" not in page
    assert '<strong class="email-address">bob@example.com</strong> (potwierdzony)' in page
    assert '<strong class="email-address">jan.nowak.pomiechowek@example.org</strong>' in page
    assert "Wyślij link ponownie" in page and "Anuluj zmianę" in page
    assert '<label for="id_email">Nowy adres e-mail</label>' in page
    # The new address is kept with the account: the account's information clause is beside the form.
    assert "Informacja o przetwarzaniu danych osobowych" in page and "Art. 6 ust. 1 lit. b RODO" in page


def test_the_confirmation_page_names_the_address_once_and_says_potwierdz(client, reader):
    address = EmailAddress.objects.create(user=reader, email="nowy@example.com", verified=False, primary=False)
    key = EmailConfirmationHMAC(address).key
    page = main(client.get(f"/konto/potwierdz-adres/{key}/").text)
    assert page.count("nowy@example.com") == 1
    assert "bob@example.com" not in page
    assert re.search(r"<button[^>]*>\s*Potwierdź\s*</button>", page)


def test_a_wrong_confirmation_link_says_so_under_the_same_name(client, db):
    page = main(client.get("/konto/potwierdz-adres/zly-klucz/").text)
    assert "Ten link potwierdzający wygasł albo jest nieprawidłowy." in page


def test_help_with_account_e_mails_leads_to_the_coordinator(client, db):
    for path in ["/konto/haslo/nowe/", "/konto/haslo/nowe/wyslano/", "/konto/potwierdz-adres/"]:
        page = main(client.get(path).text)
        assert '<a href="/kontakt/">kontakt z koordynatorem</a>' in page, path
        assert "zresetowaniem" not in page and "Skontaktuj się z nami" not in page
