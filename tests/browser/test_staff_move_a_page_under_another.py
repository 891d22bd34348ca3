import pytest
from playwright.sync_api import expect

from pages.models import Page
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def test_staff_move_a_page_under_another_and_its_old_address_leads_to_the_new_one(page, alice):
    goals = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    rules = Page.objects.create(
        title="Zasady partnerstwa", slug="zasady", section=Page.Section.PARTNERSHIP, body="<p>Dobrowolność.</p>"
    )
    log_in_to_admin(page, alice, next_url=f"/admin/pages/page/{rules.pk}/change/")
    page.get_by_label("Strona nadrzędna").select_option(label=f"/partnerstwo/cele/ – {goals.title}")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()

    responses = []
    page.on("response", lambda response: responses.append((response.status, response.url)))
    page.goto("/partnerstwo/zasady/")
    # Only the old address's own answer: a late request of the admin page may land in the list too.
    assert [status for status, url in responses if url.endswith("/partnerstwo/zasady/")] == [301]
    assert page.url.endswith("/partnerstwo/cele/zasady/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zasady partnerstwa")
    crumbs = page.get_by_role("navigation", name="Ścieżka nawigacji")
    expect(crumbs.get_by_role("link", name="Cele partnerstwa")).to_have_attribute("href", "/partnerstwo/cele/")
    section_menu = page.get_by_role("navigation", name="O partnerstwie")
    expect(section_menu.get_by_role("link", name="Zasady partnerstwa")).to_have_attribute("aria-current", "page")


def test_staff_are_told_in_polish_that_a_page_cannot_go_under_its_own_subpage(page, alice):
    goals = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    Page.objects.create(title="Cele szczegółowe", slug="szczegoly", parent=goals)
    log_in_to_admin(page, alice, next_url=f"/admin/pages/page/{goals.pk}/change/")
    page.get_by_label("Strona nadrzędna").select_option(label="/partnerstwo/cele/szczegoly/ – Cele szczegółowe")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.get_by_text("Strony nie można umieścić pod nią samą ani pod żadną z jej podstron.")).to_be_visible()
