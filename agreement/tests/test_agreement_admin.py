import datetime

from agreement.models import Agreement, Signature


def form_with_signature(person, institution, function=""):
    return {
        "title": "Porozumienie o zawarciu Partnerstwa Lokalnego",
        "slug": "",
        "signed_on": "2018-04-19",
        "occasion": "Nadzwyczajne Posiedzenie Powiatowej Rady Rynku Pracy",
        "initiators": "",
        "text": "",
        "is_published": "on",
        "signatures-TOTAL_FORMS": "1",
        "signatures-INITIAL_FORMS": "0",
        "signatures-MIN_NUM_FORMS": "0",
        "signatures-MAX_NUM_FORMS": "1000",
        "signatures-0-order": "1",
        "signatures-0-function": function,
        "signatures-0-person": person.pk,
        "signatures-0-institution": institution.pk,
        "signatures-0-note": "",
    }


def test_signature_takes_the_function_held_on_the_day_of_signing(
    client, alice, make_institution, make_person, make_office
):
    gmina = make_institution(name="Gmina Zakroczym")
    person = make_person("Artur", "Ciecierski")
    make_office(gmina, "Burmistrz Zakroczymia", person, end_date=datetime.date(2018, 11, 20))
    make_office(gmina, "Radny", person, start_date=datetime.date(2018, 11, 21))
    client.force_login(alice)
    page = client.get("/admin/agreement/agreement/add/").text
    assert "Podpisy" in page and "admin-autocomplete" in page
    response = client.post("/admin/agreement/agreement/add/", form_with_signature(person, gmina))
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.function == "Burmistrz Zakroczymia"
    assert Agreement.objects.get().slug == "porozumienie-o-zawarciu-partnerstwa-lokalnego"


def test_signature_without_a_known_function_asks_for_one(client, alice, make_institution, make_person):
    client.force_login(alice)
    response = client.post("/admin/agreement/agreement/add/", form_with_signature(make_person(), make_institution()))
    assert response.status_code == 200
    assert "Podaj funkcję: ta osoba nie miała w tej instytucji funkcji w dniu podpisania." in response.text
    assert not Agreement.objects.exists()


def test_an_explicit_function_is_kept(client, alice, make_institution, make_person):
    client.force_login(alice)
    response = client.post(
        "/admin/agreement/agreement/add/",
        form_with_signature(make_person(), make_institution(), function="Przewodniczący Powiatowej Rady Rynku Pracy"),
    )
    assert response.status_code == 302
    assert Signature.objects.get().function == "Przewodniczący Powiatowej Rady Rynku Pracy"


def test_institutions_are_found_by_autocomplete(client, alice, make_institution):
    make_institution(name="Gmina Pomiechówek")
    client.force_login(alice)
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "Pomiech",
            "app_label": "agreement",
            "model_name": "signature",
            "field_name": "institution",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Gmina Pomiechówek"]
