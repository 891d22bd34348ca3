import datetime

import pytest

from meetings.models import Meeting


def test_institution_page_lists_its_meetings_newest_first(client, make_institution, make_meeting):
    gmina = make_institution(name="Gmina Zakroczym")
    rada = make_meeting(title="Posiedzenie Rady", date=datetime.date(2018, 4, 19), status=Meeting.Status.HELD)
    first = make_meeting(title="Pierwsze spotkanie", date=datetime.date(2018, 6, 6), start_time=datetime.time(11))
    make_meeting(title="Spotkanie bez gminy")
    rada.participants.add(gmina)
    first.participants.add(gmina)
    html = client.get(gmina.get_absolute_url()).text
    assert '<h2 id="spotkania">Udział w spotkaniach</h2>' in html
    assert html.index("Pierwsze spotkanie") < html.index("Posiedzenie Rady")
    assert "środa, 6 czerwca 2018, 11:00" in html
    assert "Spotkanie bez gminy" not in html


def test_institution_without_meetings_has_no_meetings_section(client, make_institution):
    assert "Udział w spotkaniach" not in client.get(make_institution().get_absolute_url()).text


@pytest.mark.parametrize("count", [1, 30])
def test_institution_page_query_count_does_not_grow_with_meetings(
    client, make_institution, make_meeting, django_assert_num_queries, count, cold_render
):
    institution = make_institution()
    for _ in range(count):
        make_meeting().participants.add(institution)
    with django_assert_num_queries(6):
        response = client.get(institution.get_absolute_url())
    assert response.text.count('<li><a href="/spotkania/spotkanie-numer-') == count
