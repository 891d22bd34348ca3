import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_home_shows_the_next_meetings_beside_the_news(client, make_meeting, make_post, venue):
    make_post(title="Najnowszy wpis")
    make_meeting(title="Spotkanie za tydzień", date=days(7), start_time=datetime.time(10), venue=venue)
    make_meeting(title="Spotkanie jutro", date=days(1))
    make_meeting(title="Dawne spotkanie", date=days(-10), status=Meeting.Status.HELD)
    html = client.get("/").text
    aside = html[html.index('<h2 id="spotkania">Najbliższe spotkania</h2>') :]
    assert "Najnowszy wpis" in html
    assert aside.index("Spotkanie jutro") < aside.index("Spotkanie za tydzień")
    assert "Dawne spotkanie" not in html
    assert f"{days(7).day}" in aside and ", 10:00</time>" in aside
    assert 'href="/spotkania/">Wszystkie spotkania</a>' in html


def test_home_shows_postponed_status_of_next_meeting(client, make_meeting):
    make_meeting(title="Spotkanie przełożone", date=days(2), status=Meeting.Status.POSTPONED)
    html = client.get("/").text
    assert "Spotkanie przełożone" in html and "Przełożone" in html


def test_without_planned_meetings_home_shows_the_latest_ones(client, make_meeting):
    make_meeting(title="Najstarsze spotkanie", date=days(-300), status=Meeting.Status.HELD)
    make_meeting(title="Starsze spotkanie", date=days(-30), status=Meeting.Status.HELD)
    make_meeting(title="Ostatnie spotkanie", date=days(-3), status=Meeting.Status.HELD)
    html = client.get("/").text
    assert "Nie ma teraz zaplanowanych spotkań." in html
    assert html.index("Ostatnie spotkanie") < html.index("Starsze spotkanie")
    assert "Najstarsze spotkanie" not in html


@pytest.mark.parametrize("upcoming", [True, False])
@pytest.mark.parametrize("count", [1, 30])
def test_home_query_count_is_constant(
    client, make_meeting, make_post, venue, django_assert_num_queries, count, upcoming, cold_render
):
    for n in range(count):
        make_post()
        make_meeting(date=days(n + 1 if upcoming else -n - 1), venue=venue)
    # posts, meetings, partners' logos, the blocks, the coordinator and the menu
    with django_assert_num_queries(6):
        client.get("/")
