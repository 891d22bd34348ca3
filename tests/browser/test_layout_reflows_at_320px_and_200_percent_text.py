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


BODY = "() => parseFloat(getComputedStyle(document.body).fontSize)"


def enlarge_text(page, name, not_enlarged):
    """Set the text to 200 % and note the page if its body text did not double (a size fixed in px)."""
    before = page.evaluate(BODY)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    after = page.evaluate(BODY)
    if after != 2 * before:
        not_enlarged[name] = (before, after)


def test_text_enlarged_to_200_percent_needs_no_sideways_scrolling(page, site_content):
    page.set_viewport_size({"width": 1280, "height": 900})
    too_wide, not_enlarged = {}, {}
    for name, target in site_content.items():
        visit(page, target)
        enlarge_text(page, name, not_enlarged)
        if horizontal_overflow(page) > 0:
            too_wide[name] = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert not too_wide, f"pages wider than the window at 200 % text: {too_wide}"
    assert not not_enlarged, f"text not doubled: {not_enlarged}"


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
    too_wide, not_enlarged = {}, {}
    for name, target in site_content.items():
        visit(page, target)
        enlarge_text(page, name, not_enlarged)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > page.evaluate("() => window.innerWidth"):
            too_wide[name] = width
    assert not too_wide, f"pages wider than a 390 px phone at 200 % text: {too_wide}"
    assert not not_enlarged, f"text not doubled: {not_enlarged}"


# Lines a box holds: its height over its line height.
LINES = "(el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))"


def test_the_site_name_keeps_its_words_whole_at_200_percent_on_a_phone(page, site_content):
    """Enlarged text must stay readable, not only fit: at 200 % on a 390 px phone „Menu” goes under
    the site name, whose words each keep a line of their own instead of breaking into syllables,
    and the skip link stays out of view until it has the focus."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")  # site_content: the demo site, its name in the header
    enlarge_text(page, "home", {})
    name, area = page.locator(".brand-name"), page.locator(".brand-area")
    assert name.evaluate(LINES) <= len(name.inner_text().split())
    assert area.evaluate(LINES) <= len(area.inner_text().split())
    skip = page.locator(".skip-link")
    assert skip.evaluate("(el) => el.getBoundingClientRect().bottom") <= 0
    page.keyboard.press("Tab")
    assert skip.evaluate("(el) => el === document.activeElement")
    assert skip.evaluate("(el) => el.getBoundingClientRect().top") >= 0
