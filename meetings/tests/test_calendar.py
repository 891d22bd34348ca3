import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from meetings.models import Meeting

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    return calendar, calendar.walk("VEVENT")


def test_meeting_page_offers_add_to_calendar(client, make_meeting):
    meeting = make_meeting()
    html = client.get(meeting.get_absolute_url()).text
    link = f'<a class="button button-secondary" href="/spotkania/{meeting.slug}.ics" download>Dodaj do kalendarza</a>'
    assert link in html


def test_one_meeting_ics_carries_the_right_times_in_warsaw_time(client, make_meeting, venue):
    meeting = make_meeting(
        title="Pierwsze spotkanie",
        date=datetime.date(2018, 6, 6),
        start_time=datetime.time(11),
        end_time=datetime.time(14),
        venue=venue,
    )
    response = client.get(f"/spotkania/{meeting.slug}.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{meeting.slug}.ics"'
    calendar, (event,) = events(response)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime(2018, 6, 6, 11, tzinfo=WARSAW)
    assert start.astimezone(datetime.UTC) == datetime.datetime(2018, 6, 6, 9, tzinfo=datetime.UTC)
    assert end.astimezone(datetime.UTC) == datetime.datetime(2018, 6, 6, 12, tzinfo=datetime.UTC)
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert str(event["SUMMARY"]) == "Pierwsze spotkanie"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "Rezydencja „Miętowe Wzgórza”, Trębki Nowe, gmina Zakroczym"
    assert str(event["URL"]).endswith(f"/spotkania/{meeting.slug}/")


def test_winter_meeting_has_winter_offset(client, make_meeting):
    meeting = make_meeting(date=datetime.date(2030, 1, 15), start_time=datetime.time(10))
    _, (event,) = events(client.get(meeting.get_ics_url()))
    assert event.decoded("DTSTART").astimezone(datetime.UTC).hour == 9


def test_meeting_without_time_is_an_all_day_event(client, make_meeting):
    meeting = make_meeting(date=datetime.date(2018, 4, 19))
    _, (event,) = events(client.get(meeting.get_ics_url()))
    assert event.decoded("DTSTART") == datetime.date(2018, 4, 19)
    assert event.decoded("DTEND") == datetime.date(2018, 4, 20)


@pytest.mark.parametrize("status", [Meeting.Status.CANCELLED, Meeting.Status.POSTPONED])
def test_cancelled_or_undated_postponed_meeting_is_marked_cancelled(client, make_meeting, status):
    meeting = make_meeting(status=status, status_reason="Choroba prowadzącego.")
    _, (event,) = events(client.get(meeting.get_ics_url()))
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Choroba prowadzącego." in str(event["DESCRIPTION"])


def test_uid_is_stable_and_shared_with_the_feed(client, make_meeting):
    meeting = make_meeting(start_time=datetime.time(12))
    make_meeting(title="Drugie spotkanie")
    _, (first,) = events(client.get(meeting.get_ics_url()))
    meeting.title = "Nowy tytuł"
    meeting.save()
    _, (again,) = events(client.get(meeting.get_ics_url()))
    assert str(first["UID"]) == str(again["UID"]) == f"spotkanie-{meeting.pk}@127.0.0.1"

    response = client.get("/spotkania/kalendarz.ics")
    assert response.status_code == 200
    calendar, feed = events(response)
    assert {str(e["UID"]) for e in feed} >= {str(first["UID"])}
    assert len(feed) == 2
    assert str(calendar["X-WR-CALNAME"]) == "Spotkania Partnerstwa Lokalnego Powiatu Nowodworskiego"


def test_unknown_meeting_ics_is_404(client, db):
    assert client.get("/spotkania/nie-ma.ics").status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_feed_query_count_is_constant(client, make_meeting, venue, django_assert_num_queries, count, cold_render):
    for _ in range(count):
        make_meeting(venue=venue, start_time=datetime.time(10))
    with django_assert_num_queries(1):
        response = client.get("/spotkania/kalendarz.ics")
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count
