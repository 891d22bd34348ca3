"""On a 390 px phone the header is short: the logo and „Menu” in one row, search under them, in view
without opening the menu (as on gov.pl); the menu opens from a button, with and without JavaScript."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def test_search_is_in_view_on_a_phone_without_opening_the_menu(any_page):
    page = any_page
    page.set_viewport_size(PHONE)
    page.goto("/aktualnosci/")
    assert not page.get_by_role("navigation", name="Menu główne").is_visible()
    page.get_by_role("searchbox", name="Szukaj w portalu").fill("staże")
    page.get_by_role("button", name="Szukaj", exact=True).click()
    page.wait_for_url("**/szukaj/?q=sta*")


def test_the_menu_opens_from_the_menu_link_without_javascript(page_without_js):
    page = page_without_js
    page.set_viewport_size(PHONE)
    page.goto("/aktualnosci/")
    nav = page.get_by_role("navigation", name="Menu główne")
    assert not nav.is_visible()
    assert _header_height(page) < 170  # top bar, logo row, search row
    page.get_by_role("link", name="Menu").click()
    assert nav.is_visible()
    # The jump to #menu leaves the header where it was: the logo and „Menu” stay in view.
    assert page.evaluate("() => window.scrollY") == 0
    assert page.get_by_role("link", name="Menu", exact=True).bounding_box()["y"] >= 0
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
    assert _header_height(page) < 170
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    # The „×” drawn in place of the three bars sits on the line of the word „Menu”.
    mark = page.evaluate(
        """() => {
            const b = document.querySelector('[data-menu-button]');
            const before = getComputedStyle(b, '::before');
            return {content: before.content, align: getComputedStyle(b).alignItems};
        }"""
    )
    assert mark == {"content": '"×"', "align": "center"}
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
