import datetime
import re

import pytest
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
