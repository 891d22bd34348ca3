"""A resident asks for an inaccessible page or document: the public form, its errors, its limits."""

import pytest

from accessibility.models import AccessibilityRequest, CaseEvent
from pages.models import Coordinator

URL = "/zglos-problem-z-dostepnoscia/"


def request_data(**fields):
    data = {
        "address": "/spotkania/2026/posiedzenie/",
        "need": "Protokół w PDF jest skanem – czytnik ekranu nic nie odczytuje.",
        "alternative": "tekst-email",
        "name": "Ewa Przykładowa",
        "email": "ewa@example.org",
        "phone": "",
        "website": "",
    }
    data.update(fields)
    return data


def test_the_form_has_labelled_fields_the_path_of_a_request_and_the_rodo_clause(client, db):
    html = client.get(URL).text
    assert "<h1>Zgłoś problem z dostępnością</h1>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    for field in ["address", "need", "alternative", "name", "email", "phone"]:
        assert f'for="id_{field}"' in html
    assert "najpóźniej w ciągu 7 dni od dnia zgłoszenia" in html
    assert "nie późniejszym niż 2 miesiące od dnia zgłoszenia" in html
    assert "wniosek do Rzecznika Praw Obywatelskich" in html
    assert "Informacja o przetwarzaniu danych osobowych" in html
    assert "Art. 6 ust. 1 lit. c RODO w związku z art. 18 ustawy z dnia 4 kwietnia 2019 r." in html
    assert "Do załatwienia sprawy, a potem przez 2 lata." in html
    assert "skargi do Prezesa Urzędu Ochrony Danych Osobowych" in html


def test_a_link_from_a_page_fills_in_its_address(client, db):
    html = client.get(URL + "?adres=/spotkania/2026/posiedzenie/").text
    assert 'value="http://127.0.0.1:8000/spotkania/2026/posiedzenie/"' in html


@pytest.mark.parametrize("adres", ["https://zly.example/", "//zly.example/x", "javascript:alert(1)", "tekst"])
def test_a_link_to_anything_but_this_site_fills_in_nothing(client, db, adres):
    response = client.get(URL, {"adres": adres})
    assert response.status_code == 200
    form = response.text.split('<form method="post"')[1].split("</form>")[0]
    assert 'name="address" value=' not in form
    assert "zly.example" not in form


def test_every_footer_and_a_document_note_link_to_the_form_with_their_page(client, db):
    footer = client.get("/kontakt/").text.split('<footer class="site-footer">')[1]
    assert '<a href="/zglos-problem-z-dostepnoscia/?adres=/kontakt/">Zgłoś problem z dostępnością</a>' in footer


def test_a_request_becomes_a_case_with_a_deadline_and_both_sides_get_an_e_mail(
    client, db, settings, mailoutbox, in_background
):
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]
    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    with in_background():
        response = client.post(URL, request_data(phone="22 765 00 00"), follow=True)
    assert response.redirect_chain == [(URL + "wyslano/", 302)]
    case = AccessibilityRequest.objects.get()
    assert f"Zgłoszenie dostępności otrzymało numer <strong>{case.pk}</strong>" in response.text
    assert "Zgłoszenie zostało wysłane." in response.text
    assert case.status == AccessibilityRequest.Status.OPEN
    assert (case.due_on - case.received_on).days == 7
    assert case.phone == "22 765 00 00"
    [event] = case.events.all()
    assert event.kind == CaseEvent.Kind.RECEIVED and event.by is None

    staff, requester = mailoutbox
    assert staff.to == ["sekretariat@pup.example"]
    assert f"/admin/accessibility/accessibilityrequest/{case.pk}/change/" in staff.body
    assert requester.to == ["ewa@example.org"]
    assert requester.reply_to == ["partnerstwo@pup.example"]
    assert f"otrzymało numer {case.pk}" in requester.body
    assert "Protokół w PDF jest skanem" in requester.body
    assert "Preferowany dostęp alternatywny: treść przesłana e-mailem jako zwykły tekst" in requester.body


def test_errors_are_polish_answer_400_and_keep_what_was_typed(client, db, mailoutbox):
    data = request_data(email="ewa(at)example", phone="abc", need="", name="Ewa Przykładowa")
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.text
    assert "Formularz zawiera 3 błędy." in html
    assert "Podaj poprawny adres e-mail, np. jan@example.pl." in html
    assert "Podaj numer telefonu złożony z co najmniej 9 cyfr" in html
    assert "Opisz, na czym polega problem i czego potrzeba." in html
    assert 'value="/spotkania/2026/posiedzenie/"' in html
    assert 'value="ewa(at)example"' in html
    assert '<option value="tekst-email" selected>' in html
    assert 'aria-invalid="true"' in html
    assert not AccessibilityRequest.objects.exists()
    assert not mailoutbox


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("address", "", "Podaj adres strony albo nazwę dokumentu."),
        ("address", "x" * 501, "Adres może mieć najwyżej 500 znaków (ma 501)."),
        ("need", "x" * 3001, "Opis może mieć najwyżej 3000 znaków (ma 3001)."),
        ("need", " abc ", "Opis jest za krótki: napisz, na czym polega problem."),
        ("alternative", "golab-pocztowy", "Wybierz sposób z listy."),
        ("name", "", "Podaj imię i nazwisko."),
        ("email", "", "Podaj adres e-mail."),
    ],
)
def test_each_field_is_validated_in_polish(client, db, field, value, message):
    response = client.post(URL, request_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.text
    assert not AccessibilityRequest.objects.exists()


def test_a_bot_filling_the_honeypot_is_refused(client, db, mailoutbox):
    response = client.post(URL, request_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "Nie udało się wysłać formularza." in response.text
    assert not AccessibilityRequest.objects.exists()


def test_one_e_mail_address_may_send_five_requests_a_day(client, db):
    for n in range(5):
        assert client.post(URL, request_data(address=f"/strona-{n}/")).status_code == 302
    response = client.post(URL, request_data(email="EWA@example.org"))
    assert response.status_code == 429
    assert "Z tego adresu e-mail wysłano dziś zbyt wiele zgłoszeń." in response.text
    assert 'value="/spotkania/2026/posiedzenie/"' in response.text
    assert AccessibilityRequest.objects.count() == 5


def test_one_client_may_send_ten_requests_a_day_behind_the_proxy(client, db, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for n in range(10):
        response = client.post(
            URL, request_data(email=f"osoba{n}@example.org"), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4"
        )
        assert response.status_code == 302
    limited = client.post(URL, request_data(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert limited.status_code == 429
    other = client.post(URL, request_data(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="5.6.7.8")
    assert other.status_code == 302


def test_the_sent_page_without_a_request_leads_back_to_the_form(client, db):
    response = client.get(URL + "wyslano/")
    assert response.status_code == 302 and response["Location"] == URL


def test_the_form_costs_only_the_frame(client, db, django_assert_num_queries, cold_render):
    Coordinator.objects.create()
    with django_assert_num_queries(2):  # the frame: the coordinator and the menu
        client.get(URL + "?adres=/kontakt/")
