"""An editor adds a notice ending tomorrow and two link tiles to the home page; residents see them
on a phone and on a laptop, and a day later the notice is gone by itself. The live server runs in
this process, so time-machine moves its clock."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from pages.models import Coordinator, HomeBlock
from tests.browser.helpers import format_violations, horizontal_overflow, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

NOTICE = "Przerwa w pracy urzędu"


def test_editor_adds_a_notice_and_tiles_and_the_notice_leaves_at_its_end(page, browser, live_server, staff_in_role):
    HomeBlock.ensure_for(Coordinator.objects.create())
    editor = staff_in_role("Redaktor")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url="/admin/pages/homepage/1/change/")

    add_notice = page.locator("#announcements-group .add-row a")
    expect(add_notice).to_have_text("Dodaj komunikat")
    add_notice.click()
    page.locator("#id_announcements-0-title").fill(NOTICE)
    page.locator("#id_announcements-0-text").fill("Urząd będzie nieczynny. Sprawy pilne można zgłosić e-mailem.")
    page.locator("#id_announcements-0-link_url").fill("kontakt")  # no leading slash: refused
    page.locator("#id_announcements-0-link_label").fill("Kontakt z urzędem")
    end = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1), datetime.time(15, 0))
    )
    page.locator("#id_announcements-0-ends_at_0").fill(end.strftime("%Y-%m-%d"))
    page.locator("#id_announcements-0-ends_at_1").fill("15:00:00")
    add_tile = page.locator("#home_tiles-group .add-row a")
    expect(add_tile).to_have_text("Dodaj kafelek z odnośnikiem")
    add_tile.click()
    add_tile.click()
    for n, (label, url, position) in enumerate(
        [("Porozumienie", "/porozumienie/", 1), ("Spotkania", "/spotkania/", 2)]
    ):
        page.locator(f"#id_home_tiles-{n}-label").fill(label)
        page.locator(f"#id_home_tiles-{n}-url").fill(url)
        page.locator(f"#id_home_tiles-{n}-position").fill(str(position))
    page.locator("#id_home_tiles-1-description").fill("Posiedzenia i relacje.")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".field-link_url .errorlist")).to_contain_text("zaczynający się od ukośnika")
    expect(page.locator("#id_announcements-0-title")).to_have_value(NOTICE)  # what was typed is kept
    expect(page.locator("#id_home_tiles-1-label")).to_have_value("Spotkania")

    page.locator("#id_announcements-0-link_url").fill("/kontakt/")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano stronę główną.")
    page.goto("/admin/pages/homepage/1/change/")
    expect(page.locator("#announcements-0 .field-state")).to_contain_text("widoczny teraz")

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    for width in (390, 1366):
        resident.set_viewport_size({"width": width, "height": 900})
        resident.goto("/")
        notice = resident.get_by_role("region", name=re.compile(NOTICE))
        expect(notice).to_be_visible()
        expect(notice.get_by_role("heading", level=2)).to_contain_text(NOTICE)
        expect(notice.get_by_role("link", name="Kontakt z urzędem")).to_have_attribute("href", "/kontakt/")
        tiles = resident.get_by_role("region", name="Przydatne odnośniki")
        expect(tiles.get_by_role("link")).to_have_count(2)
        expect(tiles.get_by_role("link").first).to_contain_text("Porozumienie")
        expect(tiles.get_by_role("link", name=re.compile("Spotkania"))).to_contain_text("Posiedzenia i relacje.")
        assert horizontal_overflow(resident) == 0, width
        violations = run_axe(resident)
        assert not violations, format_violations(violations)
    # Side by side on a laptop, one under the other on a phone.
    boxes = [tiles.get_by_role("listitem").nth(n).bounding_box() for n in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"]
    resident.set_viewport_size({"width": 390, "height": 900})
    boxes = [tiles.get_by_role("listitem").nth(n).bounding_box() for n in range(2)]
    assert boxes[1]["y"] > boxes[0]["y"]
    resident.set_viewport_size({"width": 320, "height": 900})  # reflow (WCAG 1.4.10): no sideways scrolling
    assert horizontal_overflow(resident) == 0

    with time_machine.travel(end + datetime.timedelta(seconds=1)):
        resident.goto("/")
        expect(resident.get_by_role("heading", name=re.compile(NOTICE))).to_have_count(0)  # gone with no save
        expect(resident.get_by_role("region", name="Przydatne odnośniki").get_by_role("link")).to_have_count(2)
    resident.context.close()
