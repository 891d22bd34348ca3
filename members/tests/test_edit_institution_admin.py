from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import image_bytes
from members.models import Institution, Office


def institution_form(**fields):
    data = {
        "name": "Gmina Pomiechówek",
        "short_name": "",
        "slug": "",
        "kind": "urzad-gminy",
        "gmina": "pomiechowek",
        "address": "",
        "website": "",
        "email": "",
        "phone": "",
        "logo_alt": "",
        "description": "<p>Opis</p><script>alert(1)</script>",
        "offices-TOTAL_FORMS": "1",
        "offices-INITIAL_FORMS": "0",
        "offices-MIN_NUM_FORMS": "0",
        "offices-MAX_NUM_FORMS": "1000",
        "offices-0-function": "",
        "offices-0-person": "",
        "offices-0-start_date": "",
        "offices-0-end_date": "",
        "offices-0-position": "0",
    }
    data.update(fields)
    return data


def test_staff_add_an_institution_with_an_office_inline(client, alice, make_person):
    person = make_person("Dariusz Tomasz", "Bielecki")
    client.force_login(alice)
    page = client.get("/admin/members/institution/add/").text
    assert "Dodaj instytucja" in page or "Dodaj instytucję" in page
    assert "Funkcje" in page
    response = client.post(
        "/admin/members/institution/add/",
        institution_form(
            **{
                "offices-0-function": "Wójt Gminy Pomiechówek",
                "offices-0-person": person.pk,
            }
        ),
    )
    assert response.status_code == 302
    institution = Institution.objects.get()
    assert institution.slug == "gmina-pomiechowek"
    assert "<script" not in institution.description
    assert Office.objects.get().person == person


def test_an_office_ending_before_it_starts_is_refused_in_polish(client, alice, make_person):
    client.force_login(alice)
    response = client.post(
        "/admin/members/institution/add/",
        institution_form(
            **{
                "offices-0-function": "Wójt",
                "offices-0-person": make_person().pk,
                "offices-0-start_date": "2020-05-01",
                "offices-0-end_date": "2020-04-01",
            }
        ),
    )
    assert response.status_code == 200
    assert "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia." in response.text


def test_a_logo_needs_alternative_text(client, alice):
    client.force_login(alice)
    logo = SimpleUploadedFile("herb.png", image_bytes("PNG"), content_type="image/png")
    response = client.post("/admin/members/institution/add/", institution_form(logo=logo))
    assert response.status_code == 200
    assert "Podaj tekst alternatywny logo." in response.text
    logo = SimpleUploadedFile("herb.png", image_bytes("PNG"), content_type="image/png")
    response = client.post("/admin/members/institution/add/", institution_form(logo=logo, logo_alt="Herb gminy"))
    assert response.status_code == 302
    assert Institution.objects.get().logo.name.endswith(".png")


def test_people_are_found_by_autocomplete(client, alice, make_person):
    make_person("Krystian", "Buszta")
    client.force_login(alice)
    response = client.get(
        "/admin/autocomplete/", {"term": "Busz", "app_label": "members", "model_name": "office", "field_name": "person"}
    )
    assert [r["text"] for r in response.json()["results"]] == ["Krystian Buszta"]
