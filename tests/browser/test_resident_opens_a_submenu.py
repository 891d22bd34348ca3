"""A resident opens a submenu: by keyboard on a desktop, from the menu on a phone, without JavaScript."""

import pytest
from playwright.sync_api import expect

from pages.models import MenuItem, Page
from tests.browser.helpers import focus_ring

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def menu(db):
    MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=1)
    partnership = MenuItem.objects.create(label="O partnerstwie", section=MenuItem.Section.PARTNERSHIP, position=2)
    MenuItem.objects.create(label="Spotkania", section=MenuItem.Section.MEETINGS, position=3)
    goals = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    MenuItem.objects.create(label="Cele partnerstwa", page=goals, parent=partnership, position=1)
    MenuItem.objects.create(label="Partnerzy", section=MenuItem.Section.PARTNERS, parent=partnership, position=2)


def test_on_a_desktop_the_submenu_opens_by_keyboard_and_escape_closes_it(page, menu):
    page.goto("/aktualnosci/")
    nav = page.get_by_role("navigation", name="Menu główne")
    toggle = nav.get_by_role("button", name="Podmenu: O partnerstwie")
    goals = nav.get_by_role("link", name="Cele partnerstwa")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(goals).to_be_hidden()
    nav.get_by_role("link", name="O partnerstwie").focus()
    page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    assert focus_ring(page)["visible"]
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(goals).to_be_visible()
    page.keyboard.press("Tab")
    expect(goals).to_be_focused()
    assert focus_ring(page)["visible"]
    page.keyboard.press("Escape")
    expect(goals).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    # Space opens it too, and Tab past its last link closes it.
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Partnerzy")).to_be_focused()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Spotkania")).to_be_focused()
    expect(goals).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/partnerstwo/cele/")
    expect(nav.locator('.submenu a[aria-current="page"]')).to_have_text("Cele partnerstwa")


def test_on_a_phone_the_opened_menu_shows_the_submenu_nested(page, menu):
    page.set_viewport_size(PHONE)
    page.goto("/aktualnosci/")
    page.get_by_role("button", name="Menu", exact=True).click()
    nav = page.get_by_role("navigation", name="Menu główne")
    expect(nav.get_by_role("button", name="Podmenu: O partnerstwie")).to_be_hidden()
    goals = nav.get_by_role("link", name="Cele partnerstwa")
    expect(goals).to_be_visible()
    top = nav.get_by_role("link", name="O partnerstwie").bounding_box()
    nested = goals.bounding_box()
    assert nested["y"] > top["y"] and nested["x"] > top["x"]  # under its top item, indented
    assert page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth") == 0
    goals.click()
    page.wait_for_url("**/partnerstwo/cele/")


def test_without_javascript_every_submenu_link_is_shown_and_reachable(page_without_js, menu):
    page = page_without_js
    page.goto("/aktualnosci/")
    nav = page.get_by_role("navigation", name="Menu główne")
    expect(nav.get_by_role("button")).to_have_count(0)
    expect(nav.get_by_role("link", name="Partnerzy")).to_be_visible()
    nav.get_by_role("link", name="Cele partnerstwa").click()
    page.wait_for_url("**/partnerstwo/cele/")
