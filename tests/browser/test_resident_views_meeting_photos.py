"""A meeting's photos open in a viewer: keyboard, Esc, focus back on the thumbnail, alt and caption shown."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _meeting_with_a_report

pytestmark = pytest.mark.browser


def test_the_viewer_opens_moves_with_arrows_and_esc_returns_focus(page, alice):
    meeting = _meeting_with_a_report(alice)
    page.goto(meeting.get_absolute_url())
    first = page.locator("[data-gallery] a").first
    first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="Zdjęcie 1 z 2")).to_be_visible()
    viewer = page.locator("dialog.viewer")
    photo = viewer.get_by_role("img")
    expect(photo).to_have_attribute("alt", "Uczestnicy spotkania przy stole, ujęcie 1")
    expect(viewer.get_by_text("Dyskusja o stażach")).to_be_visible()
    assert page.evaluate("() => document.activeElement.textContent") == "Zamknij"
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("dialog", name="Zdjęcie 2 z 2")).to_be_visible()
    expect(photo).to_have_attribute("alt", "Uczestnicy spotkania przy stole, ujęcie 2")
    expect(viewer.locator("figcaption")).to_be_hidden()  # the second photo has no caption
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert page.evaluate("() => document.activeElement === document.querySelector('[data-gallery] a')")
    assert page.url.endswith(meeting.get_absolute_url())


def test_the_close_button_shuts_the_viewer(page, alice):
    meeting = _meeting_with_a_report(alice)
    page.goto(meeting.get_absolute_url())
    page.locator("[data-gallery] a").nth(1).click()
    viewer = page.get_by_role("dialog", name="Zdjęcie 2 z 2")
    expect(viewer).to_be_visible()
    viewer.get_by_role("button", name="Zamknij").click()
    expect(viewer).to_be_hidden()


def test_without_javascript_a_thumbnail_opens_the_large_photo(page_without_js, alice):
    meeting = _meeting_with_a_report(alice)
    page = page_without_js
    page.goto(meeting.get_absolute_url())
    large = meeting.photos.first().large.url
    page.locator("[data-gallery] a").first.click()
    page.wait_for_url(f"**{large}")


def _swipe(page, locator, dx):
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    common = {"pointerType": "touch", "isPrimary": True, "bubbles": True, "clientY": y}
    locator.dispatch_event("pointerdown", {**common, "clientX": x})
    locator.dispatch_event("pointerup", {**common, "clientX": x + dx})


def test_on_a_phone_the_viewer_fills_the_screen_and_a_swipe_moves_between_photos(page, alice):
    meeting = _meeting_with_a_report(alice)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(meeting.get_absolute_url())
    page.locator("[data-gallery] a").first.click()
    viewer = page.get_by_role("dialog", name="Zdjęcie 1 z 2")
    expect(viewer).to_be_visible()
    box = viewer.bounding_box()
    assert (round(box["x"]), round(box["y"]), round(box["width"]), round(box["height"])) == (0, 0, 390, 844)
    figure = page.locator(".viewer-figure")
    _swipe(page, figure, -120)  # finger moves left: the next photo
    expect(page.get_by_role("dialog", name="Zdjęcie 2 z 2")).to_be_visible()
    _swipe(page, figure, 120)  # and right: back
    expect(page.get_by_role("dialog", name="Zdjęcie 1 z 2")).to_be_visible()
    _swipe(page, figure, 20)  # a short touch is no swipe
    expect(page.get_by_role("dialog", name="Zdjęcie 1 z 2")).to_be_visible()
    # The keyboard still works as before.
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("dialog", name="Zdjęcie 2 z 2")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
