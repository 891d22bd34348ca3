import pytest

from members.models import Gmina, InstitutionKind


@pytest.fixture
def partners(make_institution, make_office, make_person):
    leoncin = make_institution(name="Gmina Leoncin", kind=InstitutionKind.GMINA, gmina=Gmina.LEONCIN)
    make_office(leoncin, "Wójt Gminy Leoncin", make_person("Adam Mirosław", "Krawczak"))
    nasielsk = make_institution(name="Gmina Nasielsk", kind=InstitutionKind.GMINA, gmina=Gmina.NASIELSK)
    pup = make_institution(
        name="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim", kind=InstitutionKind.PUP, gmina=Gmina.NOWY_DWOR
    )
    return leoncin, nasielsk, pup


def test_directory_lists_partners_by_name_with_their_representative(client, partners):
    html = client.get("/partnerzy/").text
    assert "<h1>Partnerzy</h1>" in html
    assert html.index("Gmina Leoncin") < html.index("Gmina Nasielsk") < html.index("Powiatowy Urząd Pracy")
    assert "Reprezentuje: Wójt Gminy Leoncin Adam Mirosław Krawczak" in html
    assert 'href="/partnerzy/gmina-leoncin/"' in html
    assert "W partnerstwie: 3 instytucje." in html


def test_former_representatives_are_not_shown_as_current(client, partners, make_office, make_person):
    import datetime

    make_office(
        partners[1],
        "Burmistrz Nasielska",
        make_person("Jan", "Dawny"),
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2014, 11, 30),
    )
    html = client.get("/partnerzy/").text
    assert "Jan Dawny" not in html


def test_filter_by_kind_keeps_only_that_kind(client, partners):
    response = client.get("/partnerzy/?rodzaj=pup")
    assert response.status_code == 200
    assert "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim" in response.text
    assert "Gmina Leoncin" not in response.text
    assert "Spełnia warunki: 1 instytucja." in response.text
    assert '<option value="pup" selected>' in response.text


def test_filter_by_gmina_and_kind_together(client, partners):
    html = client.get("/partnerzy/?rodzaj=urzad-gminy&gmina=leoncin").text
    assert "Gmina Leoncin" in html
    assert "Gmina Nasielsk" not in html
    assert "Spełnia warunki: 1 instytucja." in html


def test_empty_filters_show_everyone(client, partners):
    html = client.get("/partnerzy/?rodzaj=&gmina=").text
    assert "W partnerstwie: 3 instytucje." in html


def test_a_filter_with_no_matches_explains_the_empty_result(client, partners):
    html = client.get("/partnerzy/?gmina=czosnow").text
    assert "Spełnia warunki: 0 instytucji." in html
    assert "Żadna instytucja nie spełnia wybranych warunków." in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("rodzaj=szkola", "Nie ma takiego rodzaju instytucji: „szkola”."),
        ("gmina=warszawa", "Nie ma takiej gminy: „warszawa”."),
        ("gmina=%00", "Nie ma takiej gminy"),
        ("rodzaj=" + "x" * 5000, "Nie ma takiego rodzaju instytucji"),
    ],
)
def test_unknown_filter_values_get_a_polish_400(client, partners, query, message):
    response = client.get(f"/partnerzy/?{query}")
    assert response.status_code == 400
    assert message in response.text
    assert "Nie można wyświetlić listy" in response.text
    assert "Gmina Leoncin" not in response.text


@pytest.mark.parametrize("count", [1, 50])
def test_directory_query_count_is_constant(
    client, make_institution, make_office, django_assert_num_queries, count, cold_render
):
    for _ in range(count):
        make_office(make_institution(), "Wójt Gminy")
    # institutions, their current offices with people, the coordinator and the menu
    with django_assert_num_queries(4):
        response = client.get("/partnerzy/")
    assert response.text.count('class="card"') == count
