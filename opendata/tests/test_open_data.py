import csv
import datetime
import io

import pytest

from agreement.models import Signature
from meetings.models import Meeting, Venue


@pytest.fixture
def partnership(make_institution, make_person, make_office, make_agreement):
    nasielsk = make_institution(name="Gmina Nasielsk", slug="gmina-nasielsk")
    leoncin = make_institution(name="Gmina Leoncin", gmina="leoncin")
    mayor = make_person("Bogdan", "Ruszkowski")
    make_office(nasielsk, function="Burmistrz Nasielska", person=mayor)
    agreement = make_agreement(slug="porozumienie")
    Signature.objects.create(
        agreement=agreement, person=mayor, institution=nasielsk, function="Burmistrz Nasielska", order=1
    )
    venue = Venue.objects.create(name="Rezydencja „Miętowe Wzgórza”", gmina="zakroczym")
    meeting = Meeting.objects.create(title="Pierwsze spotkanie", date=datetime.date(2018, 6, 6), venue=venue)
    meeting.participants.set([nasielsk, leoncin])
    return {"nasielsk": nasielsk, "meeting": meeting}


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_open_data_page_describes_each_set_and_its_licence(client, db):
    html = client.get("/dane/").text
    for title in ("Instytucje partnerstwa", "Sygnatariusze porozumienia", "Spotkania partnerstwa"):
        assert title in html
    assert "CC BY 4.0" in html
    assert 'href="/dane/instytucje.csv"' in html and 'href="/dane/spotkania.json"' in html


def test_institutions_csv_and_json_match_the_database(client, partnership):
    rows = read_csv(client.get("/dane/instytucje.csv"))
    assert [r["nazwa"] for r in rows] == ["Gmina Leoncin", "Gmina Nasielsk"]
    nasielsk = rows[1]
    assert nasielsk["przedstawiciel"] == "Bogdan Ruszkowski"
    assert nasielsk["funkcja_przedstawiciela"] == "Burmistrz Nasielska"
    assert nasielsk["gmina"] == "Nasielsk"
    assert nasielsk["adres_w_portalu"].endswith("/partnerzy/gmina-nasielsk/")
    data = client.get("/dane/instytucje.json").json()
    assert data["licencja"]["name"].endswith("(CC BY 4.0)")
    assert [r["nazwa"] for r in data["rekordy"]] == ["Gmina Leoncin", "Gmina Nasielsk"]
    assert set(data["kolumny"]) == set(data["rekordy"][0])


def test_institutions_carry_their_contacts_and_bip_in_both_formats(client, partnership):
    nasielsk = partnership["nasielsk"]
    nasielsk.address = "Urząd Miejski w Nasielsku\nul. Elektronowa 3\nNasielsk"
    nasielsk.website = "https://www.nasielsk.pl/"
    nasielsk.bip_url = "https://umnasielsk.bip.org.pl/"
    nasielsk.save()
    rows = {r["nazwa"]: r for r in read_csv(client.get("/dane/instytucje.csv"))}
    assert rows["Gmina Nasielsk"]["bip"] == "https://umnasielsk.bip.org.pl/"
    assert rows["Gmina Nasielsk"]["strona_www"] == "https://www.nasielsk.pl/"
    assert rows["Gmina Nasielsk"]["adres"] == "Urząd Miejski w Nasielsku\nul. Elektronowa 3\nNasielsk"
    assert rows["Gmina Leoncin"]["bip"] == ""  # unknown stays empty, never made up
    records = {r["nazwa"]: r for r in client.get("/dane/instytucje.json").json()["rekordy"]}
    assert records["Gmina Nasielsk"]["bip"] == "https://umnasielsk.bip.org.pl/"
    # The column is described on the page.
    assert "<dt><code>bip</code></dt><dd>adres Biuletynu Informacji Publicznej</dd>" in client.get("/dane/").text


def test_a_signature_by_function_alone_has_an_empty_name(client, partnership, make_agreement):
    later = make_agreement(slug="ekonomia-spoleczna", signed_on=datetime.date(2024, 9, 18))
    Signature.objects.create(agreement=later, institution=partnership["nasielsk"], function="Burmistrz Nasielska")
    rows = read_csv(client.get("/dane/sygnatariusze.csv"))
    assert [(r["data_podpisania"], r["imie_i_nazwisko"]) for r in rows] == [
        ("2018-04-19", "Bogdan Ruszkowski"),
        ("2024-09-18", ""),
    ]


def test_signatories_list_the_function_held_at_signing(client, partnership):
    rows = read_csv(client.get("/dane/sygnatariusze.csv"))
    assert rows == [
        {
            "porozumienie": "Porozumienie o zawarciu Partnerstwa Lokalnego",
            "data_podpisania": "2018-04-19",
            "kolejnosc": "1",
            "funkcja": "Burmistrz Nasielska",
            "imie_i_nazwisko": "Bogdan Ruszkowski",
            "instytucja": "Gmina Nasielsk",
            "uwagi": "",
            "adres_instytucji_w_portalu": rows[0]["adres_instytucji_w_portalu"],
        }
    ]


def test_meetings_json_lists_participants_and_report_state(client, partnership):
    record = client.get("/dane/spotkania.json").json()["rekordy"][0]
    assert record["tytul"] == "Pierwsze spotkanie"
    assert record["data"] == "2018-06-06"
    assert record["miejsce"] == "Rezydencja „Miętowe Wzgórza”"
    assert record["gmina"] == "Zakroczym"
    assert record["uczestnicy"] == "Gmina Leoncin; Gmina Nasielsk"
    assert record["relacja_opublikowana"] is False


def test_unknown_data_set_is_404(client, db):
    assert client.get("/dane/nieznany.csv").status_code == 404
    assert client.post("/dane/instytucje.csv").status_code == 405


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize(
    "url, queries", [("/dane/instytucje.json", 2), ("/dane/sygnatariusze.csv", 1), ("/dane/spotkania.csv", 2)]
)
def test_query_count_is_constant(
    client, make_institution, make_office, django_assert_num_queries, count, url, queries, cold_render
):
    for _ in range(count):
        institution = make_institution()
        make_office(institution)
        Meeting.objects.create(title=f"Spotkanie {institution.pk}", date=datetime.date(2019, 1, 1)).participants.add(
            institution
        )
    with django_assert_num_queries(queries):
        client.get(url)


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(client, make_institution):
    """OWASP's CSV injection advice: a leading apostrophe; the JSON keeps the values as they are."""
    formula = '=HYPERLINK("http://evil.example/","Pobierz formularz")'
    make_institution(
        name=formula,
        short_name="+SUM(1+1)*cmd|' /C calc'!A0",
        address="-2+3+cmd|' /C calc'!A0",
        phone="+48 22 765 43 21",
        is_published=True,
    )
    row = read_csv(client.get("/dane/instytucje.csv"))[0]
    assert row["nazwa"] == "'" + formula
    assert row["nazwa_skrocona"] == "'+SUM(1+1)*cmd|' /C calc'!A0"
    assert row["adres"] == "'-2+3+cmd|' /C calc'!A0"
    assert row["telefon"] == "+48 22 765 43 21"  # a phone number cannot call anything
    record = client.get("/dane/instytucje.json").json()["rekordy"][0]
    assert (record["nazwa"], record["telefon"]) == (formula, "+48 22 765 43 21")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-1", "-1"),
        ("Gmina Nasielsk", "Gmina Nasielsk"),
        (7, 7),
        (True, "tak"),
    ],
)
def test_each_formula_start_gets_an_apostrophe(value, cell):
    from opendata.views import csv_cell

    assert csv_cell(value) == cell
