import datetime

import pytest

from meetings.models import Meeting


def test_year_archive_lists_that_years_meetings_in_date_order(client, make_meeting):
    make_meeting(title="Posiedzenie Rady", date=datetime.date(2018, 4, 19), status=Meeting.Status.HELD)
    make_meeting(title="Pierwsze spotkanie", date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    make_meeting(title="Spotkanie z 2019 roku", date=datetime.date(2019, 3, 1), status=Meeting.Status.HELD)
    response = client.get("/spotkania/archiwum/2018/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Spotkania w 2018 roku</h1>" in html
    assert "2 spotkania" in html
    assert html.index("Posiedzenie Rady") < html.index("Pierwsze spotkanie")
    assert "Spotkanie z 2019 roku" not in html
    assert '<a href="/spotkania/archiwum/2018/" aria-current="page">2018</a>' in html


@pytest.mark.parametrize("year", ["2017", "0", "99999"])
def test_year_without_meetings_gets_polish_404(client, make_meeting, year):
    make_meeting(date=datetime.date(2018, 6, 6))
    response = client.get(f"/spotkania/archiwum/{year}/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


def test_year_must_be_a_number(client, db):
    assert client.get("/spotkania/archiwum/dwa-tysiace/").status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_archive_query_count_is_constant(
    client, make_meeting, add_photo, add_document, django_assert_num_queries, count, cold_render
):
    for n in range(count):
        meeting = make_meeting(date=datetime.date(2018, 1, 1) + datetime.timedelta(days=n))
        add_photo(meeting)
        add_document(meeting)
    with django_assert_num_queries(4):
        response = client.get("/spotkania/archiwum/2018/")
    assert response.text.count('class="card meeting-card"') == count
