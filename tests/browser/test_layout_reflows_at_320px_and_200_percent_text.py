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
    _assert_text_is_doubled(page, site_content["wpis"])


def test_text_enlarged_to_200_percent_on_a_390px_phone_needs_no_sideways_scrolling(page, site_content):
    """WCAG 1.4.4 and 1.4.10 on a phone: long Polish words in the header and the home lead wrap or
    hyphenate instead of widening the page.

    How text-only zoom is emulated: a browser's text zoom (Firefox „Powiększ tylko tekst”, the font
    size setting of Chrome and of phones) enlarges the root font size, and every size given in rem or
    em follows it, while the window keeps its width. Setting the root element's font size to 200 %
    through the CSS object model does the same to this rem-based layout (the strict CSP refuses an
    injected <style>; a device scale factor or page zoom would enlarge the window's pixels instead, which
    is not text zoom). Media queries keep answering to the real width, as with a phone's text size.
    """
    page.set_viewport_size({"width": 390, "height": 844})
    too_wide = {}
    for name, target in site_content.items():
        visit(page, target)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > page.evaluate("() => window.innerWidth"):
            too_wide[name] = width
    assert not too_wide, f"pages wider than a 390 px phone at 200 % text: {too_wide}"
    _assert_text_is_doubled(page, site_content["wpis"])


def _assert_text_is_doubled(page, public_page):
    """The emulation enlarges the portal's text: 1.0625rem at 32 px (the admin's pages have sizes of their own)."""
    visit(page, public_page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    assert page.evaluate("() => getComputedStyle(document.body).fontSize") == "34px"
