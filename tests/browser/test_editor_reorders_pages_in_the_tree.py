"""An editor (Redaktor) orders pages in the admin's page tree: by keyboard alone, and by drag and drop."""

import pytest
from playwright.sync_api import expect

from accounts.roles import REDAKTOR
from pages.models import Page
from tests.browser.helpers import focus_ring, log_in_to_admin

pytestmark = pytest.mark.browser


@pytest.fixture
def pages(db):
    about = Page.objects.create(title="O portalu", slug="o-portalu")
    return {
        "about": about,
        "history": Page.objects.create(title="Historia", slug="historia", parent=about, position=1),
        "people": Page.objects.create(title="Ludzie", slug="ludzie", parent=about, position=2),
        "rules": Page.objects.create(title="Regulamin", slug="regulamin", parent=about, position=3),
    }


def subpages(about):
    return list(Page.objects.filter(parent=about).order_by("position", "title").values_list("title", flat=True))


def open_tree(page, staff_in_role):
    log_in_to_admin(page, staff_in_role(REDAKTOR), password="redaktor-haslo-123", next_url="/admin/pages/page/")
    page.get_by_role("link", name="Drzewo stron").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drzewo stron")


def test_an_editor_moves_a_page_down_by_keyboard_and_the_focus_stays_on_it(page, staff_in_role, pages):
    open_tree(page, staff_in_role)
    history = page.locator(f"#strona-{pages['history'].pk}")
    down = history.get_by_role("button", name="W dół").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if down.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached „W dół” of „Historia”")
    assert focus_ring(page)["visible"]
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Stronę „Historia” przeniesiono niżej.")
    assert subpages(pages["about"]) == ["Ludzie", "Historia", "Regulamin"]
    # The focus is back on the moved page's „W dół”: Enter again moves it once more.
    expect(page.locator(f"#strona-{pages['history'].pk}").get_by_role("button", name="W dół").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Stronę „Historia” przeniesiono niżej.")
    assert subpages(pages["about"]) == ["Ludzie", "Regulamin", "Historia"]
    # At the end „W dół” is off, so the focus goes to „W górę” of the same page.
    expect(page.locator(f"#strona-{pages['history'].pk}").get_by_role("button", name="W górę").first).to_be_focused()


def test_an_editor_drags_a_page_to_the_top_of_its_level(page, staff_in_role, pages):
    open_tree(page, staff_in_role)
    rules = page.locator(f"#strona-{pages['rules'].pk} > .page-tree-row")
    history = page.locator(f"#strona-{pages['history'].pk} > .page-tree-row")
    rules.drag_to(history)
    expect(page.locator(".messagelist")).to_contain_text("Stronę „Regulamin” przeniesiono wyżej.")
    assert subpages(pages["about"]) == ["Regulamin", "Historia", "Ludzie"]
    titles = page.locator(f"#strona-{pages['about'].pk} .page-tree-row > a").all_inner_texts()
    assert titles == ["O portalu", "Regulamin", "Historia", "Ludzie"]
