"""Upcoming meetings offer the .ics file and Google/Outlook links; past and cancelled ones offer none."""

import datetime
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

from meetings.calendar_links import google_calendar_url, outlook_calendar_url
from meetings.models import Meeting


def test_a_past_meeting_offers_no_add_to_calendar(client, make_meeting):
    meeting = make_meeting(date=timezone.localdate() - datetime.timedelta(days=3), status=Meeting.Status.HELD)
    html = client.get(meeting.get_absolute_url()).text
    assert "Dodaj do kalendarza" not in html
    assert "calendar.google.com" not in html


def test_an_upcoming_meeting_links_to_google_and_outlook_as_plain_links(client, make_meeting, venue):
    meeting = make_meeting(start_time=datetime.time(10), end_time=datetime.time(12), venue=venue)
    html = client.get(meeting.get_absolute_url()).text
    assert "Dodaj do kalendarza" in html
    assert 'href="https://calendar.google.com/calendar/render?' in html
    assert 'href="https://outlook.live.com/calendar/0/action/compose?' in html
    assert "<img" not in html.split('class="add-to-calendar"')[1].split("</div>")[0]  # nothing loads from them


def test_google_gets_utc_times_and_outlook_local_times_with_the_offset(make_meeting):
    meeting = make_meeting(
        title="Staże", date=datetime.date(2030, 1, 15), start_time=datetime.time(10), end_time=datetime.time(12)
    )
    google = parse_qs(urlsplit(google_calendar_url(meeting)).query)
    assert google["dates"] == ["20300115T090000Z/20300115T110000Z"]
    assert google["text"] == ["Staże"]
    outlook = parse_qs(urlsplit(outlook_calendar_url(meeting)).query)
    assert outlook["startdt"] == ["2030-01-15T10:00:00+01:00"]
    assert outlook["enddt"] == ["2030-01-15T12:00:00+01:00"]


def test_a_meeting_without_a_time_is_an_all_day_event(make_meeting):
    meeting = make_meeting(date=datetime.date(2030, 6, 6))
    assert parse_qs(urlsplit(google_calendar_url(meeting)).query)["dates"] == ["20300606/20300607"]
    assert parse_qs(urlsplit(outlook_calendar_url(meeting)).query)["allday"] == ["true"]
