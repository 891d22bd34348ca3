import pytest
from django.core.management import call_command

from agreement.models import Signature
from changelog.metryczka import record_change
from members.demo import SIGNATORIES


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_agreement_page_lists_the_ten_signatories_in_order(client, demo):
    response = client.get("/porozumienie/")
    assert response.status_code == 200
    html = response.text
    assert (
        "<h1>Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz ożywienia społeczno-gospodarczego "
        "i aktywizacji nowodworskiego rynku pracy</h1>" in html
    )
    assert '<time datetime="2018-04-19">19 kwietnia 2018</time>' in html
    assert "Nadzwyczajne posiedzenie Powiatowej Rady Rynku Pracy" in html
    assert "dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim i starosta nowodworski" in html
    assert "Porozumienie podpisało 10 osób" in html
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 10
    for row, (function, first_name, last_name, institution) in zip(rows, SIGNATORIES, strict=True):
        assert f"<td>{function}</td>" in row
        assert f"<td>{first_name} {last_name}" in row
        assert f">{institution}</a>" in row
    assert "<td>Krystian Buszta</td>" in rows[-1]
    assert "Powiatowa Rada Rynku Pracy</a> (wraz z członkami Rady)</td>" in rows[-1]
    assert '<a href="/partnerzy/gmina-leoncin/">Gmina Leoncin</a>' in html


def test_signatory_links_lead_to_institution_pages(client, demo):
    html = client.get("/porozumienie/").text
    assert client.get("/partnerzy/starostwo-powiatowe/").status_code == 200
    assert 'href="/partnerzy/starostwo-powiatowe/"' in html


def test_agreement_also_has_its_own_address(client, demo, settings):
    response = client.get("/porozumienie/porozumienie-o-zawarciu-partnerstwa-lokalnego/")
    assert response.status_code == 200
    assert "Sygnatariusze" in response.text
    # Both addresses of the founding agreement name /porozumienie/ as the one to index; a later one its own.
    canonical = f'<link rel="canonical" href="{settings.SITE_URL}/porozumienie/">'
    assert canonical in response.text and canonical in client.get("/porozumienie/").text
    later = client.get("/porozumienie/porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej/").text
    assert f'href="{settings.SITE_URL}/porozumienie/porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej/"' in later
    assert client.get("/porozumienie/nie-ma-takiego/").status_code == 404


def test_without_a_published_agreement_the_page_says_so(client, make_agreement):
    make_agreement(is_published=False, title="Projekt porozumienia")
    response = client.get("/porozumienie/")
    assert response.status_code == 200
    assert "nie została jeszcze opublikowana" in response.text
    assert "Projekt porozumienia" not in response.text


@pytest.mark.parametrize("count", [1, 50])
def test_agreement_page_query_count_is_constant(
    client, make_agreement, make_institution, make_person, django_assert_num_queries, count, cold_render
):
    agreement = make_agreement()
    for n in range(count):
        Signature.objects.create(
            agreement=agreement, person=make_person(), institution=make_institution(), function="Wójt", order=n
        )
    record_change(agreement, None, created=True, summary="Utworzenie")
    # agreement + signatures with people and institutions + the list of agreements + metryczka + coordinator
    with django_assert_num_queries(6):
        response = client.get("/porozumienie/")
    assert response.text.count("<td>Wójt</td>") == count


def test_the_2024_agreement_lists_functions_and_institutions_without_invented_names(client, demo):
    html = client.get("/porozumienie/porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej/").text
    assert "<h1>Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz rozwoju ekonomii społecznej" in html
    assert '<time datetime="2024-09-18">18 września 2024</time>' in html
    assert "Porozumienie podpisali w imieniu instytucji partnerskich:" in html
    assert "Imię i nazwisko" not in html and "grupę liderów" not in html
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 9
    assert "<td>Wójt Gminy Leoncin</td>" in rows[6] and ">Gmina Leoncin</a>" in rows[6]
    assert "<td>Członkowie Powiatowej Rady Rynku Pracy</td>" in rows[8]
    # Each agreement leads to the other; the founding one by its own address.
    assert '<a href="/porozumienie/">Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz ożywienia' in html
    founding = client.get("/porozumienie/").text
    assert "Późniejsze porozumienia" in founding
    assert 'href="/porozumienie/porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej/"' in founding


def test_a_signature_needs_a_function_when_it_names_no_person(make_agreement, make_institution):
    from django.core.exceptions import ValidationError

    signature = Signature(agreement=make_agreement(), institution=make_institution(), function="")
    with pytest.raises(ValidationError) as error:
        signature.full_clean()
    assert error.value.message_dict["function"] == ["Podaj funkcję osoby, która podpisała porozumienie."]
