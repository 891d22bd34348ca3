import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from pages.models import AccessibilityStatement

IDS = [
    "a11y-deklaracja",
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-komunikacja",
    "a11y-aplikacje",
]


def _statement(**fields):
    fields.setdefault("non_compliances", "Obrazy w treści mogą nie mieć tekstu alternatywnego.")
    return AccessibilityStatement.objects.create(**fields)


def test_a_filled_statement_has_every_required_id_exactly_once(client, db):
    _statement(
        published_on=datetime.date(2026, 1, 15),
        updated_on=datetime.date(2026, 2, 1),
        prepared_on=datetime.date(2026, 2, 10),
        reviewed_on=datetime.date(2026, 3, 20),
        contact_person="Osoba Testowa",
        contact_email="dostepnosc@example.gov.pl",
        contact_phone="22 000 00 00",
        architecture="Wejście od ulicy bez progów.",
        communication="Kontakt przez SMS.",
        mobile_apps="Brak.",
    )
    html = client.get("/deklaracja-dostepnosci/").text
    for element_id in IDS:
        assert len(re.findall(rf'id="{element_id}"', html)) == 1, element_id


def test_an_unfilled_statement_still_has_every_id_once_with_a_plain_sentence(client, db):
    _statement()
    html = client.get("/deklaracja-dostepnosci/").text
    for element_id in IDS:
        assert len(re.findall(rf'id="{element_id}"', html)) == 1, element_id
    assert '<span id="a11y-osoba">osoby nie wskazano</span>' in html
    assert '<span id="a11y-data-publikacja">nie podano</span>' in html
    assert "zostaną podane" not in html


def test_statement_with_filled_fields_shows_dates_as_time_elements_and_contacts(client, db, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    _statement(
        published_on=datetime.date(2026, 1, 15),
        updated_on=datetime.date(2026, 2, 1),
        prepared_on=datetime.date(2026, 2, 10),
        reviewed_on=datetime.date(2026, 3, 20),
        contact_person="Osoba Testowa",
        contact_email="dostepnosc@example.gov.pl",
        contact_phone="22 000 00 00",
        architecture="Wejście od ulicy bez progów.",
        communication="Kontakt przez SMS.",
        mobile_apps="Brak.",
    )
    html = client.get("/deklaracja-dostepnosci/").text
    assert '<span id="a11y-data-publikacja"><time datetime="2026-01-15">2026-01-15</time></span>' in html
    assert '<span id="a11y-data-aktualizacja"><time datetime="2026-02-01">' in html
    assert '<span id="a11y-data-sporzadzenie"><time datetime="2026-02-10">' in html
    assert '<span id="a11y-data-przeglad"><time datetime="2026-03-20">' in html
    assert "Termin najbliższego przeglądu:" in html and "31 marca 2027 r." in html
    assert '<a id="a11y-url" href="https://partnerstwo.example.gov.pl/">' in html
    assert '<span id="a11y-email"><a href="mailto:dostepnosc@example.gov.pl">' in html
    assert '<span id="a11y-telefon"><a href="tel:220000000">22 000 00 00</a>' in html
    assert "Wejście od ulicy bez progów." in html
    assert "uzupełni" not in html


@pytest.mark.parametrize("status", list(AccessibilityStatement.Status))
def test_status_is_one_of_the_three_prescribed_sentences(client, db, status):
    _statement(status=status)
    html = client.get("/deklaracja-dostepnosci/").text
    sentence = re.search(r'<p id="a11y-status">(.*?)</p>', html).group(1)
    assert sentence == AccessibilityStatement.STATUS_SENTENCES[status]
    assert sentence.startswith("Strona internetowa jest ")
    assert "ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych" in sentence


def test_unfilled_contacts_fall_back_to_the_coordinator_office(client, db):
    from pages.models import Coordinator

    Coordinator.objects.create(email="biuro@example.gov.pl")
    _statement()
    html = client.get("/deklaracja-dostepnosci/").text
    assert '<span id="a11y-email"><a href="mailto:biuro@example.gov.pl">' in html
    assert "Powiatowy Urząd Pracy w Nowym Dworze" not in html.split('id="a11y-kontakt"')[1].split("</ul>")[0]


def test_the_review_date_change_renews_the_cached_page(client, db, django_capture_on_commit_callbacks):
    statement = _statement(reviewed_on=datetime.date(2026, 3, 20))
    assert "31 marca 2027 r." in client.get("/deklaracja-dostepnosci/").text
    with django_capture_on_commit_callbacks(execute=True):
        statement.reviewed_on = datetime.date(2027, 3, 2)
        statement.save()
    assert "31 marca 2028 r." in client.get("/deklaracja-dostepnosci/").text


def test_every_page_names_the_statement_in_its_head(client, db, settings):
    html = client.get("/").text
    assert '<meta name="deklaracja-dostępności" content="' in html
    assert "/deklaracja-dostepnosci/" in html.split('name="deklaracja-dostępności"')[1].split(">")[0]


def test_staff_are_told_in_admin_which_parts_the_public_page_leaves_out(client, db, alice):
    _statement()
    client.force_login(alice)
    html = client.get("/admin/pages/accessibilitystatement/1/change/").text
    assert "Niewypełnione części deklaracji:" in html
    assert "osoba do kontaktu" in html and "dostępność architektoniczna" in html


def test_procedure_explains_request_seven_days_complaint_and_ombudsman(client, db):
    _statement()
    procedure = client.get("/deklaracja-dostepnosci/").text.split('id="a11y-procedura"')[1].split("</section>")[0]
    assert "7 dni" in procedure
    assert "skargę" in procedure
    assert "Rzecznika Praw Obywatelskich" in procedure


def test_page_works_before_staff_save_the_statement_and_writes_nothing(client, db):
    response = client.get("/deklaracja-dostepnosci/")
    assert response.status_code == 200
    assert "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim" in response.text
    assert not AccessibilityStatement.objects.exists()


def test_partial_compliance_needs_the_list_of_gaps(db):
    statement = AccessibilityStatement(status=AccessibilityStatement.Status.PARTIAL, non_compliances="")
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "wymień niezgodności" in str(error.value)


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [(datetime.date(2026, 2, 10), datetime.date(2027, 3, 31)), (datetime.date(2026, 6, 1), datetime.date(2027, 3, 31))],
)
def test_yearly_review_is_due_by_31_march_of_the_next_year(reviewed, due):
    assert AccessibilityStatement(reviewed_on=reviewed).next_review_due == due


def test_demo_statement_names_the_pup_is_partly_compliant_and_leaves_contacts_empty(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    statement = AccessibilityStatement.objects.get()
    assert statement.entity == "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"
    assert statement.status == AccessibilityStatement.Status.PARTIAL
    assert statement.non_compliance_list
    assert (statement.contact_person, statement.contact_email, statement.contact_phone) == ("", "", "")
    assert statement.architecture == ""
    statement.contact_person = "Zmienione przez redakcję"
    statement.save()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert AccessibilityStatement.objects.get().contact_person == "Zmienione przez redakcję"


def test_staff_edit_the_statement_in_admin(client, alice):
    _statement()
    client.force_login(alice)
    response = client.get("/admin/pages/accessibilitystatement/1/change/")
    assert response.status_code == 200
    assert "co roku do 31 marca" in response.text


@pytest.mark.parametrize("count", [0, 1])
def test_statement_page_query_count(client, db, django_assert_num_queries, count, cold_render):
    if count:
        _statement()
    with django_assert_num_queries(3):  # statement + coordinator
        client.get("/deklaracja-dostepnosci/")
