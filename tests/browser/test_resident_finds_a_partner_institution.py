import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def partners(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # the nine signatory institutions


def test_resident_narrows_the_directory_by_kind_and_gmina_and_opens_the_partner(any_page, partners):
    page = any_page
    page.goto("/")
    page.get_by_role("link", name="Partnerzy", exact=True).first.click()
    expect(page.get_by_role("status")).to_have_text("W partnerstwie: 9 instytucji.")

    page.get_by_label("Rodzaj instytucji").select_option(label="urząd gminy lub miasta")
    page.get_by_label("Gmina").select_option(label="Nasielsk")
    page.get_by_role("button", name="Pokaż").click()

    expect(page.get_by_role("status")).to_have_text("Spełnia warunki: 1 instytucja.")
    expect(page.get_by_label("Gmina")).to_have_value("nasielsk")  # the choice stays selected
    page.get_by_role("link", name="Gmina Nasielsk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gmina Nasielsk")
    expect(page.get_by_text("Burmistrz Nasielska").first).to_be_visible()


def test_resident_sees_in_polish_when_no_partner_matches(any_page, partners):
    page = any_page
    page.goto("/partnerzy/")
    page.get_by_label("Rodzaj instytucji").select_option(label="pracodawca")
    page.get_by_role("button", name="Pokaż").click()
    expect(page.get_by_role("status")).to_have_text("Spełnia warunki: 0 instytucji.")
    page.get_by_role("link", name="Pokaż wszystkich partnerów").click()
    expect(page.get_by_role("status")).to_have_text("W partnerstwie: 9 instytucji.")
