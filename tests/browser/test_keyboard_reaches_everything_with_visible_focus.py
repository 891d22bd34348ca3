import pytest

from tests.browser.helpers import focus_ring

pytestmark = pytest.mark.browser


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, site_content):
    page.goto(site_content["wpis"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent, top: document.activeElement.getBoundingClientRect().top})"
    )
    assert focused["text"] == "Przejdź do treści"
    assert focused["top"] >= 0, "the focused skip link is visible on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "tresc"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null"), "the next stop is inside the content"


def test_every_link_and_button_shows_where_the_focus_is(page, site_content):
    page.goto(site_content["wpis"])  # header, content links and footer
    stops = page.evaluate("() => document.querySelectorAll('a[href], button, input, select, textarea, summary').length")
    seen, missing = set(), []
    for _ in range(stops + 2):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        if ring["key"] in seen or ring["key"].startswith("BODY"):
            continue
        seen.add(ring["key"])
        if not ring["visible"]:
            missing.append(ring["key"])
    tags = {key.split(":", 1)[0] for key in seen}
    assert {"A", "BUTTON", "SUMMARY"} <= tags
    assert not missing, f"no visible focus indicator on: {missing}"
