"""On a 390 px phone the header is one short row; the menu opens from a button, with and without JavaScript."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def test_the_menu_opens_from_the_menu_link_without_javascript(page_without_js):
    page = page_without_js
    page.set_viewport_size(PHONE)
    page.goto("/aktualnosci/")
    nav = page.get_by_role("navigation", name="Menu główne")
    assert not nav.is_visible()
    assert _header_height(page) < 140
    page.get_by_role("link", name="Menu").click()
    assert nav.is_visible()
    assert page.get_by_role("searchbox", name="Szukaj w portalu").is_visible()
    nav.get_by_role("link", name="Spotkania").click()
    page.wait_for_url("**/spotkania/")
    assert not page.get_by_role("navigation", name="Menu główne").is_visible()


def test_with_javascript_the_menu_button_says_whether_it_is_open_and_esc_closes_it(page):
    page.set_viewport_size(PHONE)
    page.goto("/aktualnosci/")
    button = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Menu główne")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert _header_height(page) < 140
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    nav.get_by_role("link", name="Porozumienie").focus()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert page.evaluate("() => document.activeElement.dataset.menuButton") == ""


def test_on_a_desktop_menu_and_search_share_one_row_and_no_menu_button_shows(page):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/")
    nav = page.get_by_role("navigation", name="Menu główne").bounding_box()
    search = page.get_by_role("searchbox", name="Szukaj w portalu").bounding_box()
    assert abs((nav["y"] + nav["height"] / 2) - (search["y"] + search["height"] / 2)) < 12
    assert not page.get_by_role("button", name="Menu").is_visible()
