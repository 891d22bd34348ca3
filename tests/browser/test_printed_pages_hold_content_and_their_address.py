"""A printed page holds its content and its own address, and none of the on-screen controls
(menus, search, forms, back links, calendar links)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def upcoming_meeting(db):
    from meetings.models import Meeting, Venue

    return Meeting.objects.create(
        title="Spotkanie partnerów o stażach",
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        venue=Venue.objects.create(name="Sala konferencyjna urzędu pracy"),
        status=Meeting.Status.PLANNED,
    )


def test_a_printed_meeting_page_shows_its_address_and_no_controls(page, upcoming_meeting, settings):
    url = upcoming_meeting.get_absolute_url()
    page.goto(url)
    address = page.get_by_text(f"Adres strony: {settings.SITE_URL}{url}")
    expect(address).to_be_hidden()  # on screen the address bar says it already
    expect(page.get_by_role("link", name="Dodaj do kalendarza")).to_be_visible()

    page.emulate_media(media="print")
    expect(address).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Spotkanie partnerów o stażach")).to_be_visible()
    for hidden in [
        page.get_by_role("link", name="Dodaj do kalendarza"),
        page.get_by_role("link", name="Kalendarz Google"),
        page.get_by_role("link", name="‹ Wszystkie spotkania").first,
        page.get_by_role("navigation", name="Menu główne"),
        page.get_by_role("search").first,
        page.get_by_role("region", name="Zapisz się na newsletter"),
        page.get_by_role("navigation", name="Ścieżka nawigacji"),
    ]:
        expect(hidden).to_be_hidden()
