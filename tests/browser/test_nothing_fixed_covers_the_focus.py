"""No banner sits over the page: every focused element is visible (WCAG 2.2 SC 2.4.11)."""

import pytest

from tests.browser.helpers import FOCUS_IS_UNCOVERED

pytestmark = pytest.mark.browser


def test_on_a_phone_no_tab_stop_is_hidden_under_anything(page, site_content):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_content["wpis"])
    assert page.get_by_role("button", name="Rozumiem").count() == 0
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(FOCUS_IS_UNCOVERED):
            hidden.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    assert not hidden, f"focus hidden on {len(hidden)} of 40 tab stops: {hidden}"
