import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def postponed(db):
    from meetings.models import Meeting

    return Meeting.objects.create(
        title="Spotkanie partnerów o stażach",
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(10),
        status=Meeting.Status.POSTPONED,
        new_date=timezone.localdate() + datetime.timedelta(days=40),
    )


def test_resident_sees_the_old_date_struck_through_and_adds_the_new_one(any_page, postponed):
    page = any_page
    page.goto(postponed.get_absolute_url())
    old = page.locator(".meeting-facts del")
    expect(old).to_be_visible()
    expect(old).to_contain_text("Nieaktualny termin:")
    assert old.evaluate("el => getComputedStyle(el).textDecorationLine") == "line-through"
    expect(page.get_by_text("Nowy termin:")).to_be_visible()

    new_day = f"{postponed.new_date:%Y%m%d}"
    google = page.get_by_role("link", name="Kalendarz Google")
    assert new_day in google.get_attribute("href")
    assert f"{postponed.date:%Y%m%d}" not in google.get_attribute("href")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dodaj do kalendarza").click()
    content = open(download_info.value.path(), encoding="utf-8").read()
    assert f"DTSTART;VALUE=DATE:{new_day}" in content
    assert "COMMENT" not in content
