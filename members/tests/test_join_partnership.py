import pytest

from members.models import AccessionRequest


def application(**fields):
    data = {
        "institution_name": "Stowarzyszenie Aktywni Nowodworzanie",
        "kind": "organizacja-pozarzadowa",
        "gmina": "pomiechowek",
        "contact_name": "Anna Przykładowa",
        "email": "anna@example.org",
        "phone": "+48 600 000 000",
        "message": "Chcemy współpracować przy szkoleniach dla bezrobotnych.",
        "consent": "on",
        "website": "",
    }
    data.update(fields)
    return data


def test_form_page_has_labelled_fields_and_csrf(client, db):
    html = client.get("/partnerzy/przystap/").text
    assert "<h1>Przystąp do partnerstwa</h1>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    for field in ["institution_name", "kind", "gmina", "contact_name", "email", "phone", "message", "consent"]:
        assert f'for="id_{field}"' in html
    assert 'href="/polityka-prywatnosci/"' in html


def test_request_is_stored_staff_are_notified_and_applicant_confirmed(client, db, settings, mailoutbox, in_background):
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]
    with in_background():
        response = client.post("/partnerzy/przystap/", application(), follow=True)
    assert response.redirect_chain == [("/partnerzy/przystap/wyslano/", 302)]
    assert "Dziękujemy za zgłoszenie" in response.text
    assert "Potwierdzenie wysłaliśmy na adres <strong>anna@example.org</strong>" in response.text
    assert "Zgłoszenie zostało wysłane." in response.text

    req = AccessionRequest.objects.get()
    assert req.status == AccessionRequest.Status.PENDING
    assert (req.institution_name, req.kind, req.gmina) == (
        "Stowarzyszenie Aktywni Nowodworzanie",
        "organizacja-pozarzadowa",
        "pomiechowek",
    )
    staff, applicant = mailoutbox
    assert staff.to == ["sekretariat@pup.example"]
    assert "Stowarzyszenie Aktywni Nowodworzanie" in staff.subject
    assert "Anna Przykładowa" in staff.body and f"/admin/members/accessionrequest/{req.pk}/change/" in staff.body
    assert applicant.to == ["anna@example.org"]
    assert "„Stowarzyszenie Aktywni Nowodworzanie”" in applicant.body


def test_without_a_staff_address_active_staff_are_notified(client, alice, settings, mailoutbox, in_background):
    settings.STAFF_NOTIFY_EMAILS = []
    with in_background():
        client.post("/partnerzy/przystap/", application())
    assert mailoutbox[0].to == ["alice@pup.example"]


def test_errors_are_polish_and_keep_what_was_typed(client, db, mailoutbox):
    data = application(email="anna(at)example", phone="abc", gmina="", consent="")
    response = client.post("/partnerzy/przystap/", data)
    assert response.status_code == 200
    html = response.text
    assert "Formularz zawiera 4 błędy." in html
    assert "Podaj poprawny adres e-mail, np. jan@example.pl." in html
    assert "Podaj numer telefonu złożony z co najmniej 9 cyfr" in html
    assert "Wybierz gminę." in html
    assert "Bez zgody na przetwarzanie danych nie możemy przyjąć zgłoszenia." in html
    assert 'value="Stowarzyszenie Aktywni Nowodworzanie"' in html
    assert 'value="anna(at)example"' in html
    assert "Chcemy współpracować przy szkoleniach dla bezrobotnych.</textarea>" in html
    assert '<option value="organizacja-pozarzadowa" selected>' in html
    assert 'aria-invalid="true"' in html
    assert not AccessionRequest.objects.exists()
    assert not mailoutbox


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("institution_name", "", "Podaj nazwę instytucji."),
        ("institution_name", "  A ", "Nazwa instytucji jest za krótka."),
        ("kind", "szkola", "Wybierz rodzaj instytucji z listy."),
        ("contact_name", "", "Podaj imię i nazwisko osoby kontaktowej."),
        ("email", "", "Podaj adres e-mail."),
        ("message", "x" * 3001, "Wiadomość może mieć najwyżej 3000 znaków (ma 3001)."),
    ],
)
def test_each_field_is_validated_in_polish(client, db, field, value, message):
    response = client.post("/partnerzy/przystap/", application(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert not AccessionRequest.objects.exists()


def test_a_bot_filling_the_honeypot_is_refused(client, db, mailoutbox):
    response = client.post("/partnerzy/przystap/", application(website="http://spam.example"))
    assert response.status_code == 200
    assert "Nie udało się wysłać formularza." in response.text
    assert not AccessionRequest.objects.exists()
    assert not mailoutbox


def test_one_email_address_may_send_three_requests_a_day(client, db):
    for n in range(3):
        response = client.post("/partnerzy/przystap/", application(institution_name=f"Instytucja {n}"))
        assert response.status_code == 302
    response = client.post("/partnerzy/przystap/", application(email="ANNA@example.org"))
    assert response.status_code == 429
    assert "Z tego adresu e-mail wysłano dziś zbyt wiele zgłoszeń." in response.text
    assert 'value="Stowarzyszenie Aktywni Nowodworzanie"' in response.text
    assert AccessionRequest.objects.count() == 3


def test_one_ip_address_may_send_ten_requests_a_day(client, db):
    for n in range(10):
        client.post("/partnerzy/przystap/", application(email=f"osoba{n}@example.org"))
    response = client.post("/partnerzy/przystap/", application(email="kolejna@example.org"))
    assert response.status_code == 429
    assert "Z tego adresu wysłano dziś zbyt wiele zgłoszeń." in response.text
    assert 'value="kolejna@example.org"' in response.text
    assert AccessionRequest.objects.count() == 10
    other = client.post("/partnerzy/przystap/", application(email="inna@example.org"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_form_rejects_other_methods(client, db):
    assert client.put("/partnerzy/przystap/").status_code == 405


def test_a_mail_server_outage_loses_no_request(client, db, settings, mailoutbox, in_background):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }
    with in_background():
        response = client.post("/partnerzy/przystap/", application())
    assert response.status_code == 302
    assert AccessionRequest.objects.get().institution_name == "Stowarzyszenie Aktywni Nowodworzanie"
