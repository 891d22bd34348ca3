import datetime

import pytest

from agreement.models import Signature


def test_institution_page_shows_facts_and_representatives(client, make_institution, make_office, make_person):
    gmina = make_institution(name="Gmina Czosnów", website="https://czosnow.example.pl")
    make_office(gmina, "Wójt Gminy Czosnów", make_person("Antoni", "Kręźlewicz"))
    response = client.get("/partnerzy/gmina-czosnow/")
    assert response.status_code == 200
    assert "<h1>Gmina Czosnów</h1>" in response.text
    assert "<strong>Wójt Gminy Czosnów</strong> Antoni Kręźlewicz" in response.text
    assert "Urząd gminy lub miasta" in response.text
    assert 'href="https://czosnow.example.pl"' in response.text
    # Empty contact fields are not shown at all.
    assert "Telefon" not in response.text and "E-mail" not in response.text


def test_institution_page_lists_the_agreements_it_signed(client, make_institution, make_person, make_agreement):
    gmina = make_institution(name="Gmina Leoncin")
    agreement = make_agreement()
    Signature.objects.create(
        agreement=agreement,
        person=make_person("Adam Mirosław", "Krawczak"),
        institution=gmina,
        function="Wójt Gminy Leoncin",
        order=8,
    )
    Signature.objects.create(
        agreement=agreement,
        person=make_person("Jan", "Zastępca"),
        institution=gmina,
        function="Zastępca Wójta",
        order=9,
    )
    make_agreement(title="Porozumienie nieopublikowane", is_published=False)
    html = client.get(gmina.get_absolute_url()).text
    assert f'<a href="/porozumienie/{agreement.slug}/">Porozumienie o zawarciu Partnerstwa Lokalnego</a>' in html
    assert "19 kwietnia 2018" in html
    assert html.count("19 kwietnia 2018") == 1
    assert "podpisy: Wójt Gminy Leoncin Adam Mirosław Krawczak; Zastępca Wójta Jan Zastępca" in html
    assert "nieopublikowane" not in html


def test_institution_without_signature_or_people_says_so(client, make_institution):
    html = client.get(make_institution(name="Stowarzyszenie Testowe").get_absolute_url()).text
    assert "Nie podano jeszcze obecnych przedstawicieli." in html
    assert "Instytucja nie podpisała jeszcze porozumienia partnerstwa." in html


def test_unknown_institution_is_a_polish_404(client, db):
    response = client.get("/partnerzy/nie-ma-takiej/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


@pytest.mark.parametrize("count", [1, 50])
def test_institution_page_query_count_is_constant(
    client, make_institution, make_office, make_agreement, django_assert_num_queries, count, cold_render
):
    target = make_institution(name="Gmina Nasielsk")
    for n in range(count):
        make_institution()
        make_office(target, f"Funkcja {n}", end_date=datetime.date(2017, 1, n % 28 + 1))
        office = make_office(target, f"Funkcja bieżąca {n}")
        Signature.objects.create(
            agreement=make_agreement(), person=office.person, institution=target, function=office.function
        )
    # institution + offices with people + signatures with agreements + meetings + coordinator
    with django_assert_num_queries(6):
        response = client.get(target.get_absolute_url())
    assert response.text.count("– podpis: ") == count


def test_staff_see_an_unpublished_institution_only_past_the_second_factor(client, alice, make_institution, settings):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    settings.MFA_REQUIRED_FOR_STAFF = True
    hidden = make_institution(name="Instytucja ukryta", slug="rt-ukryta", is_published=False)
    client.force_login(alice)
    assert client.get(hidden.get_absolute_url()).status_code == 404  # no authenticator yet
    TOTP.activate(alice, generate_totp_secret())
    response = client.get(hidden.get_absolute_url())
    assert response.status_code == 200 and "Instytucja ukryta" in response.text
