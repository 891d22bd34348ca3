import pytest
from playwright.sync_api import expect

from pages.models import MenuItem
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def menu_labels(page):
    return page.get_by_role("navigation", name="Menu główne").get_by_role("link").all_inner_texts()


def test_staff_move_a_menu_item_to_the_front_and_rename_it_and_the_site_follows(page, alice):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    page.goto("/")
    assert menu_labels(page) == ["Aktualności", "Spotkania", "Porozumienie", "Partnerzy", "O partnerstwie"]

    log_in_to_admin(page, alice, next_url="/admin/pages/menuitem/")
    partners = MenuItem.objects.get(section=MenuItem.Section.PARTNERS)
    row = page.locator("#result_list tbody tr", has=page.get_by_role("link", name="Partnerzy", exact=True))
    row.get_by_role("spinbutton").fill("1")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto(f"/admin/pages/menuitem/{partners.pk}/change/")
    page.get_by_label("Nazwa w menu:", exact=True).fill("Nasi partnerzy")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto("/aktualnosci/")
    assert menu_labels(page) == ["Nasi partnerzy", "Aktualności", "Spotkania", "Porozumienie", "O partnerstwie"]
    footer = page.get_by_role("navigation", name="Na skróty").get_by_role("link").all_inner_texts()
    assert footer[0] == "Nasi partnerzy"
    # On a phone the same menu opens from the „Menu” button.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/aktualnosci/")
    page.get_by_role("button", name="Menu", exact=True).click()
    expect(page.get_by_role("navigation", name="Menu główne").get_by_role("link").first).to_have_text("Nasi partnerzy")
