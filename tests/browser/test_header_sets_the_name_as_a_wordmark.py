"""The brand is the partnership's name set as text in two lines, with no letters standing in for a logo,
and it shares its row with „Menu” on a phone and with the menu and search on a desktop."""

import pytest

pytestmark = pytest.mark.browser

BOXES = """() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect().toJSON();
    const size = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
    return {
        name: box('.brand-name'), area: box('.brand-area'), brand: box('.brand'),
        row: box(innerWidth < 960 ? '.menu-button' : '.main-nav'),
        nameSize: size('.brand-name'), navSize: size('.main-nav a'),
    };
}"""


@pytest.mark.parametrize("width", [390, 1366])
def test_the_name_reads_as_a_wordmark_in_two_lines_on_the_menus_row(page, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    brand = page.get_by_role("link", name="Partnerstwo Lokalne Powiatu Nowodworskiego")
    assert brand.locator("img").count() == 0  # no logo uploaded: none is drawn
    assert page.locator(".brand-name").inner_text() == "Partnerstwo Lokalne"
    assert page.locator(".brand-area").inner_text() == "Powiatu Nowodworskiego"
    boxes = page.evaluate(BOXES)
    assert boxes["area"]["top"] >= boxes["name"]["bottom"] - 1, "the place name sits under the partnership's"
    assert boxes["nameSize"] > boxes["navSize"], "the name stands out from the menu"
    # One row: the menu (or „Menu” on a phone) is level with the wordmark, never pushed under it.
    row_middle = boxes["row"]["top"] + boxes["row"]["height"] / 2
    assert boxes["brand"]["top"] <= row_middle <= boxes["brand"]["bottom"], boxes
    assert boxes["brand"]["right"] <= width


@pytest.mark.parametrize("width", [390, 1366])
def test_beside_an_uploaded_logo_the_menu_keeps_its_row(page, width, settings, tmp_path):
    from django.core.files.base import ContentFile

    from conftest import image_bytes
    from pages.models import Coordinator

    settings.MEDIA_ROOT = tmp_path
    Coordinator.objects.create(
        pk=1, logo=ContentFile(image_bytes("PNG", size=(120, 96)), name="logo.png"), logo_alt="Logo urzędu pracy"
    )
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    assert page.get_by_role("img", name="Logo urzędu pracy").is_visible()
    boxes = page.evaluate(BOXES)
    row_middle = boxes["row"]["top"] + boxes["row"]["height"] / 2
    assert boxes["brand"]["top"] <= row_middle <= boxes["brand"]["bottom"], boxes
    if width > 1000:  # on a desktop the search stays on that row too
        search = page.get_by_role("searchbox", name="Szukaj w portalu").bounding_box()
        assert boxes["brand"]["top"] <= search["y"] + search["height"] / 2 <= boxes["brand"]["bottom"]
