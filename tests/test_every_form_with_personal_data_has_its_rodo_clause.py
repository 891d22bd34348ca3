"""Beside every form that takes personal data: the information clause (RODO art. 13).

The controller and its data protection officer come from „Dane koordynatora” and are never
invented; without the officer's contacts the clause says plainly to write to the controller.
Each form adds its own purpose, legal basis (with the article) and retention period.
"""

import pytest

from pages.models import Coordinator

CLAUSE = "Informacja o przetwarzaniu danych osobowych"
UODO = "prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych"


def clause_of(html):
    start = html.index(CLAUSE)
    return html[start : html.index("polityka prywatności</a>", start)]


@pytest.mark.parametrize(
    "url, basis, retention",
    [
        ("/konto/zaloz/", "Art. 6 ust. 1 lit. b RODO", "Do usunięcia konta"),
        ("/partnerzy/przystap/", "Art. 6 ust. 1 lit. a RODO", "a potem przez 2 lata"),
        ("/newsletter/", "Art. 6 ust. 1 lit. a RODO", "zapis niepotwierdzony przechowuje się najwyżej przez miesiąc"),
    ],
)
def test_each_public_form_shows_its_clause(client, db, url, basis, retention):
    clause = clause_of(client.get(url).text)
    assert "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim" in clause
    assert basis in clause and retention in clause and UODO in clause
    assert "przechowuje go najwyżej przez 48 godzin" in clause


def test_the_comment_form_shows_its_clause(client, make_post, bob):
    post = make_post()
    client.force_login(bob)
    html = client.get(post.get_absolute_url()).text
    clause = clause_of(html)
    assert '<details class="rodo-clause">' in html
    assert "Opublikowanie komentarza pod wpisem" in clause and "Do usunięcia komentarza albo konta" in clause


def test_the_footer_box_links_to_the_newsletter_clause(client, db):
    html = client.get("/aktualnosci/").text
    assert '<a href="/newsletter/#rodo-newsletter">Informacja o przetwarzaniu danych osobowych</a>' in html
    assert 'id="rodo-newsletter"' in client.get("/newsletter/").text


def test_without_the_officers_contacts_the_clause_says_to_write_to_the_controller(client, db):
    Coordinator.objects.create(email="pup@example.gov.pl")
    clause = clause_of(client.get("/partnerzy/przystap/").text)
    assert (
        'W sprawach danych osobowych można pisać do administratora na adres <a href="mailto:pup@example.gov.pl">'
        in clause
    )
    assert "z dopiskiem „do inspektora ochrony danych”" in clause


def test_the_officers_contacts_appear_once_staff_fill_them_in(client, db):
    Coordinator.objects.create(dpo_name="Inspektor Przykładowy", dpo_email="iod@pup.example.gov.pl")
    clause = clause_of(client.get("/newsletter/").text)
    assert 'Inspektor Przykładowy, e-mail: <a href="mailto:iod@pup.example.gov.pl">' in clause
    assert "z dopiskiem" not in clause


def test_retention_in_the_clause_follows_the_settings(client, db, settings):
    settings.RETENTION_ACCESSION_DAYS = 365
    settings.RETENTION_LIMITS_HOURS = 72
    clause = clause_of(client.get("/partnerzy/przystap/").text)
    assert "a potem przez rok" in clause and "przechowuje go najwyżej przez 72 godziny" in clause
