import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting, Report


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_upcoming_meetings_come_first_soonest_first_then_recent_newest_first(client, make_meeting):
    make_meeting(title="Dawne spotkanie", date=days(-30), status=Meeting.Status.HELD)
    make_meeting(title="Wczorajsze spotkanie", date=days(-1), status=Meeting.Status.HELD)
    make_meeting(title="Spotkanie za miesiąc", date=days(30))
    make_meeting(title="Dzisiejsze spotkanie", date=days(0))
    html = client.get("/spotkania/").text
    order = ["Dzisiejsze spotkanie", "Spotkanie za miesiąc", "Wczorajsze spotkanie", "Dawne spotkanie"]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert html.index("Najbliższe spotkania") < positions[0] < html.index("Ostatnie spotkania") < positions[2]


def test_list_without_upcoming_meetings_says_so(client, make_meeting):
    make_meeting(date=days(-3), status=Meeting.Status.HELD)
    html = client.get("/spotkania/").text
    assert "Nie ma teraz zaplanowanych spotkań." in html


def test_cards_show_status_report_photos_and_documents(client, make_meeting, add_photo, add_document):
    held = make_meeting(title="Spotkanie z relacją", date=days(-5), status=Meeting.Status.HELD)
    Report.objects.create(meeting=held, body="<p>Było dobrze.</p>", status=Report.Status.PUBLISHED)
    for _ in range(5):
        add_photo(held)
    add_document(held)
    add_document(held)
    make_meeting(title="Odwołane spotkanie", date=days(3), status=Meeting.Status.CANCELLED)
    html = client.get("/spotkania/").text
    assert "<span>Relacja</span>" in html
    assert "<span>5 zdjęć</span>" in html
    assert "<span>2 dokumenty</span>" in html
    assert 'Status: <span class="meeting-status meeting-status-cancelled">Odwołane</span>' in html


def test_list_links_to_the_calendar_and_year_archives(client, make_meeting):
    make_meeting(date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    make_meeting(date=datetime.date(2019, 2, 1), status=Meeting.Status.HELD)
    html = client.get("/spotkania/").text
    assert 'href="/spotkania/kalendarz.ics"' in html
    assert '<a href="/spotkania/archiwum/2019/">2019</a>' in html
    assert html.index("/archiwum/2019/") < html.index("/archiwum/2018/")


def test_header_links_to_meetings(client, db):
    html = client.get("/spotkania/").text
    assert '<a href="/spotkania/" aria-current="page">Spotkania</a>' in html


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_count_is_constant(
    client, make_meeting, add_photo, add_document, venue, django_assert_num_queries, count, cold_render
):
    for n in range(count):
        for date in (days(n + 1), days(-n - 1)):
            meeting = make_meeting(date=date, venue=venue)
            add_photo(meeting)
            add_document(meeting)
    # upcoming + recent (with venues, reports and counts) + years + coordinator
    with django_assert_num_queries(5):
        response = client.get("/spotkania/")
    assert response.text.count('class="card meeting-card"') == min(count, 20) + min(count, 10)


def test_list_shows_the_nearest_twenty_and_leads_to_the_year_of_the_next(client, make_meeting):
    for n in range(21):
        make_meeting(title=f"Planowane spotkanie {n + 1}.", date=days(7 * (n + 1)))
    html = client.get("/spotkania/").text
    assert "Planowane spotkanie 20." in html
    assert "Planowane spotkanie 21." not in html
    year = days(7 * 21).year
    assert f'Dalsze: <a href="/spotkania/archiwum/{year}/">spotkania w {year} roku</a>' in html
    assert "Planowane spotkanie 21." in client.get(f"/spotkania/archiwum/{year}/").text


def test_list_of_twenty_or_fewer_has_no_link_to_further_dates(client, make_meeting):
    for n in range(20):
        make_meeting(date=days(7 * (n + 1)))
    assert "Dalsze:" not in client.get("/spotkania/").text
