"""With JavaScript off, on a phone: the menu opens from its link, a meeting's photo opens as the large
picture, and a form with its information clause is sent and answered by the server alone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _meeting_with_a_report

pytestmark = pytest.mark.browser


def test_a_resident_without_javascript_browses_opens_a_photo_and_sends_a_request(page_without_js, alice):
    from accessibility.models import AccessibilityRequest

    meeting = _meeting_with_a_report(alice)
    page = page_without_js
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")

    page.get_by_role("link", name="Menu", exact=True).click()
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Spotkania").click()
    page.wait_for_url("**/spotkania/")
    page.get_by_role("link", name=meeting.title).first.click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")

    # The thumbnail is a link to the large photo: without the viewer the browser shows the picture.
    page.locator("[data-gallery] a").first.click()
    page.wait_for_url(f"**{meeting.photos.first().large.url}")
    page.go_back()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")

    page.get_by_role("contentinfo").get_by_role("link", name="Zgłoś problem z dostępnością").click()
    expect(page.get_by_role("heading", name="Informacja o przetwarzaniu danych osobowych")).to_be_visible()
    page.get_by_label("Na czym polega problem i czego potrzeba").fill("Zdjęcia ze spotkania nie mają opisów.")
    page.get_by_label("Imię i nazwisko").fill("Ewa Przykładowa")
    page.get_by_label("Adres e-mail do odpowiedzi").fill("ewa@example.org")
    page.get_by_role("button", name="Wyślij zgłoszenie").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zgłoszenie wysłane")
    case = AccessibilityRequest.objects.get()
    assert (case.email, case.need) == ("ewa@example.org", "Zdjęcia ze spotkania nie mają opisów.")
