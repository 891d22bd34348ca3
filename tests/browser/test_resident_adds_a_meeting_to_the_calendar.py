import datetime
import re

import pytest
import vobject
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def meeting(db):
    from meetings.models import Meeting, Venue

    venue = Venue.objects.create(name="Sala konferencyjna urzędu pracy", gmina="nasielsk")
    return Meeting.objects.create(
        title="Spotkanie partnerów o stażach",
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        venue=venue,
        description="<p>Plan staży na kolejny rok.</p>",
    )


def test_resident_opens_a_meeting_and_downloads_its_calendar_file(any_page, meeting):
    page = any_page
    page.goto("/")
    page.get_by_role("navigation", name=re.compile("główn", re.I)).get_by_role("link", name="Spotkania").click()
    page.get_by_role("link", name="Spotkanie partnerów o stażach").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spotkanie partnerów o stażach")
    expect(page.get_by_text("Sala konferencyjna urzędu pracy")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dodaj do kalendarza").click()
    download = download_info.value
    assert download.suggested_filename == f"{meeting.slug}.ics"
    content = open(download.path(), encoding="utf-8").read()
    assert content.startswith("BEGIN:VCALENDAR")
    assert f"UID:{meeting.uid}" in content.replace("\r\n ", "")
    assert "SUMMARY:Spotkanie partnerów o stażach" in content
    assert "DTSTART;TZID=Europe/Warsaw:" in content


def _read_calendar(path):
    """The file as a resident's calendar program reads it: vobject, not the library that wrote it."""
    with open(path, encoding="utf-8") as file:
        return vobject.readOne(file.read())


def test_resident_takes_the_next_meeting_from_the_home_page_into_a_calendar(any_page, meeting, live_server):
    """The journey a resident takes: the home page's next meeting, its page, the .ics in the calendar."""
    import zoneinfo

    page = any_page
    page.goto("/")
    upcoming = page.get_by_role("region", name="Najbliższe spotkania")
    upcoming.get_by_role("link", name="Spotkanie partnerów o stażach").click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dodaj do kalendarza").click()
    calendar = _read_calendar(download_info.value.path())

    [event] = calendar.vevent_list
    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    start, end = event.dtstart.value, event.dtend.value
    assert start == datetime.datetime.combine(meeting.date, datetime.time(10), tzinfo=warsaw)
    assert end == datetime.datetime.combine(meeting.date, datetime.time(12, 30), tzinfo=warsaw)
    assert start.utcoffset() == end.utcoffset() == warsaw.utcoffset(start.replace(tzinfo=None))
    assert event.summary.value == "Spotkanie partnerów o stażach"
    assert "Sala konferencyjna urzędu pracy" in event.location.value
    assert event.uid.value == meeting.uid
    assert event.url.value.endswith(meeting.get_absolute_url())
    assert event.status.value == "CONFIRMED"
    # Nothing in English for the resident's calendar to show.
    text = open(download_info.value.path(), encoding="utf-8").read()
    assert "This timezone" not in text


def test_the_calendar_of_all_meetings_opens_in_a_calendar_program(page, meeting):
    page.goto("/spotkania/")
    link = page.get_by_role("link", name="Kalendarz wszystkich spotkań (plik iCalendar)")
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = vobject.readOne(response.text())
    summaries = {event.summary.value for event in calendar.vevent_list}
    assert "Spotkanie partnerów o stażach" in summaries
