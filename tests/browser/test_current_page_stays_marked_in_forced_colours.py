"""In forced-colours mode (Windows high contrast) the main menu still shows which page is open:
only the current item keeps a visible border, in the system's highlight colour."""

import pytest

pytestmark = pytest.mark.browser

# The colour of each menu item's marker border (underline on a desktop, left edge on a phone) and the
# colour of the page behind it; a border in the background's colour is no marker.
MARKERS = """(side) => {
    const canvas = getComputedStyle(document.querySelector('.site-header')).backgroundColor;
    return Array.from(document.querySelectorAll('.main-nav a')).map(a => ({
        current: a.getAttribute('aria-current') === 'page',
        marker: getComputedStyle(a)[side],
        canvas,
    }));
}"""


@pytest.mark.parametrize(("width", "side"), [(1366, "borderBottomColor"), (390, "borderLeftColor")])
def test_only_the_current_menu_item_keeps_its_marker_in_forced_colours(page, width, side):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(forced_colors="active")
    page.goto("/aktualnosci/")
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    if width == 390:
        page.get_by_role("button", name="Menu").click()
    items = page.evaluate(MARKERS, side)
    current = [item for item in items if item["current"]]
    others = [item for item in items if not item["current"]]
    assert len(current) == 1 and len(others) >= 4
    assert all(item["marker"] == item["canvas"] for item in others), others
    assert current[0]["marker"] != current[0]["canvas"], current
