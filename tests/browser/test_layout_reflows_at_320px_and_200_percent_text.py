import pytest

from tests.browser.helpers import horizontal_overflow, visit

pytestmark = pytest.mark.browser


def test_no_page_scrolls_sideways_on_a_320px_wide_screen(page, site_content):
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = {}
    for name, target in site_content.items():
        visit(page, target)
        width = page.evaluate("() => document.scrollingElement.scrollWidth")
        if width > 320:
            too_wide[name] = width
    assert not too_wide, f"pages wider than 320 px: {too_wide}"


def test_text_enlarged_to_200_percent_needs_no_sideways_scrolling(page, site_content):
    page.set_viewport_size({"width": 1280, "height": 900})
    too_wide = {}
    for name, target in site_content.items():
        visit(page, target)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        if horizontal_overflow(page) > 0:
            too_wide[name] = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert not too_wide, f"pages wider than the window at 200 % text: {too_wide}"
    assert page.evaluate("() => getComputedStyle(document.body).fontSize") == "34px"  # 1.0625rem at 32px
