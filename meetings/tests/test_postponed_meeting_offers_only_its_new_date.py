"""A postponed or cancelled meeting never offers its old date: not on the page, not in a calendar."""

import datetime
import json
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone
from icalendar import Calendar

from meetings.calendar_links import google_calendar_url, outlook_calendar_url
from meetings.models import Meeting

OLD_DATE = '<del><span class="visually-hidden">Nieaktualny termin: </span><time datetime="2030-12-17T10:00:00+01:00">'


def postponed(make_meeting, **fields):
    return make_meeting(
        title="Spotkanie o stażach",
        date=datetime.date(2030, 12, 17),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        status=Meeting.Status.POSTPONED,
        **fields,
    )


def event_of(client, meeting):
    (event,) = Calendar.from_ical(client.get(meeting.get_ics_url()).content).walk("VEVENT")
    return event


def test_the_old_date_is_struck_through_with_the_new_one_beside_it(client, make_meeting):
    meeting = postponed(make_meeting, new_date=datetime.date(2031, 1, 14), status_reason="Choroba prowadzącego.")
    html = client.get(meeting.get_absolute_url()).text
    assert OLD_DATE in html
    assert '<strong>Nowy termin: <time datetime="2031-01-14">wtorek, 14 stycznia 2031</time></strong>' in html
    assert "<title>Spotkanie o stażach (14 stycznia 2031)" in html
    assert "Powód: Choroba prowadzącego." in html


def test_calendar_links_carry_the_new_date_as_an_all_day_event(client, make_meeting):
    meeting = postponed(make_meeting, new_date=datetime.date(2031, 1, 14))
    html = client.get(meeting.get_absolute_url()).text
    assert "Dodaj do kalendarza" in html
    google = parse_qs(urlsplit(google_calendar_url(meeting)).query)
    assert google["dates"] == ["20310114/20310115"]
    assert "Spotkanie przełożone z 17.12.2030" in google["details"][0]
    outlook = parse_qs(urlsplit(outlook_calendar_url(meeting)).query)
    assert (outlook["startdt"], outlook["allday"]) == (["2031-01-14"], ["true"])
    assert "20301217" not in html and "2030-12-17T10%3A00" not in html  # no link with the old date

    event = event_of(client, meeting)
    assert event.decoded("DTSTART") == datetime.date(2031, 1, 14)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "Spotkanie o stażach"
    assert "Status: przełożone z 17.12.2030 na 14.01.2031" in str(event["DESCRIPTION"])

    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert (data["startDate"], data["previousStartDate"]) == ("2031-01-14", "2030-12-17T10:00:00+01:00")


def test_without_a_new_date_nothing_goes_to_a_calendar(client, make_meeting):
    meeting = postponed(make_meeting)
    html = client.get(meeting.get_absolute_url()).text
    assert OLD_DATE in html and "Nowy termin nie jest jeszcze znany." in html
    assert "Dodaj do kalendarza" not in html
    assert "calendar.google.com" not in html and "outlook.live.com" not in html
    event = event_of(client, meeting)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Przełożone: Spotkanie o stażach"


def test_a_cancelled_meeting_offers_no_calendar(client, make_meeting):
    meeting = make_meeting(date=timezone.localdate() + datetime.timedelta(days=5), status=Meeting.Status.CANCELLED)
    html = client.get(meeting.get_absolute_url()).text
    assert '<del><span class="visually-hidden">Nieaktualny termin: </span>' in html
    assert "Dodaj do kalendarza" not in html and "calendar.google.com" not in html
    assert str(event_of(client, meeting)["STATUS"]) == "CANCELLED"


def test_the_meeting_list_strikes_the_old_date_too(client, make_meeting):
    postponed(make_meeting, new_date=datetime.date(2031, 1, 14))
    html = client.get("/spotkania/").text
    assert OLD_DATE in html
    assert 'nowy termin: <time datetime="2031-01-14">' in html


def test_calendar_files_hold_no_english(client, make_meeting):
    meeting = make_meeting(date=datetime.date(2030, 6, 6), start_time=datetime.time(10))
    for url in (meeting.get_ics_url(), "/spotkania/kalendarz.ics"):
        text = client.get(url).content.decode()
        assert "BEGIN:VTIMEZONE" in text
        assert "COMMENT" not in text and "This timezone" not in text
