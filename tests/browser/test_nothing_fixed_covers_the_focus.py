"""No banner sits over the page: every focused element is visible (WCAG 2.2 SC 2.4.11)."""

import pytest

pytestmark = pytest.mark.browser

FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return true;
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return top !== null && (el === top || el.contains(top) || top.contains(el));
}"""


def test_on_a_phone_no_tab_stop_is_hidden_under_anything(page, site_content):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_content["wpis"])
    assert page.get_by_role("button", name="Rozumiem").count() == 0
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(FOCUS_IS_VISIBLE):
            hidden.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    assert not hidden, f"focus hidden on {len(hidden)} of 40 tab stops: {hidden}"
