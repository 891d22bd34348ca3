"""An editor deletes a post, sees it gone from the news, finds it in the Kosz and restores it."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

TITLE = "Dzień otwarty w urzędzie pracy"


def test_editor_deletes_a_post_and_brings_it_back_from_the_kosz(
    page, browser, live_server, staff_in_role, make_post, settings
):
    settings.TRASH_DAYS = 30
    post = make_post(title=TITLE)
    make_post(title="Inny wpis, który zostaje")
    editor = staff_in_role("Redaktor")
    reader = browser.new_context(base_url=live_server.url, locale="pl-PL")  # a resident without an account
    resident = reader.new_page()
    resident.goto("/aktualnosci/")
    expect(resident.get_by_role("link", name=TITLE)).to_be_visible()

    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url=f"/admin/news/post/{post.pk}/change/")
    # The form's own „Usuń”, beside „Zapisz” (an empty attachment row has one of its own).
    page.locator(".submit-row").get_by_role("button", name="Usuń", exact=True).click()
    expect(page.get_by_text(f"Przenieść do kosza wpis „{TITLE}”?")).to_be_visible()
    expect(page.get_by_text("Przez 30 dni można go przywrócić")).to_be_visible()
    assert not run_axe(page), format_violations(run_axe(page))
    page.get_by_role("button", name="Tak, przenieś do kosza").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Przeniesiono do kosza wpis „{TITLE}”.")

    resident.goto("/aktualnosci/")
    expect(resident.get_by_role("link", name="Inny wpis, który zostaje")).to_be_visible()
    expect(resident.get_by_role("link", name=TITLE)).to_have_count(0)

    page.goto("/admin/")
    page.get_by_role("link", name="Usunięte treści").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kosz")
    expect(page.get_by_role("row", name=TITLE)).to_contain_text(post.get_absolute_url())
    assert not run_axe(page), format_violations(run_axe(page))
    page.get_by_role("button", name=f"Przywróć wpis „{TITLE}”").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Przywrócono z kosza wpis „{TITLE}”.")
    expect(page.get_by_text("Kosz jest pusty.")).to_be_visible()

    resident.goto("/aktualnosci/")
    resident.get_by_role("link", name=TITLE).click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(TITLE)
    reader.close()
