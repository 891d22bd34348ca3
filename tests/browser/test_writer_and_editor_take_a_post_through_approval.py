"""A person who writes posts sends one for approval; a Redaktor returns it with a note, the writer
fixes it and sends it again, the Redaktor approves it, and residents read it."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.roles import AUTHOR
from news.models import Post
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

TITLE = "Nabór do programu staży"
WRITER_PASSWORD = f"{AUTHOR.lower()}-haslo-123"


def _staff_tab(browser, live_server, user, password, next_url="/admin/"):
    tab = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    log_in_to_admin(tab, user, password=password, next_url=next_url)
    return tab


def test_a_post_goes_through_approval_and_reaches_residents(
    page, browser, live_server, writer, editor, category, settings, run_worker
):
    settings.STAFF_NOTIFY_EMAILS = []
    settings.OFFICE_EMAIL = "biuro@pup.example"

    # The writer writes the post and sends it for approval.
    log_in_to_admin(page, writer, password=WRITER_PASSWORD, next_url="/admin/news/post/add/")
    page.get_by_label("Tytuł:", exact=True).fill(TITLE)
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-search__field").fill("Wiad")
    page.get_by_role("option", name="Wiadomości").click()
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Urząd pracy zaprasza na staże.")
    expect(page.get_by_label("Status")).to_have_count(0)  # the writer does not publish
    page.get_by_role("button", name="Wyślij do akceptacji").click()
    expect(page.locator(".messagelist")).to_contain_text("Wysłano wpis do akceptacji")
    run_worker()
    assert [m.to for m in mail.outbox] == [["redakcja@pup.example"]]

    # The Redaktor finds it on the admin home page and returns it with a note.
    approver = _staff_tab(browser, live_server, editor, "redaktor-haslo-123")
    approver.get_by_role("link", name="1 wpis czeka na akceptację").click()
    approver.get_by_role("link", name=TITLE).click()
    approver.get_by_role("link", name="Zwróć do poprawy").click()
    expect(approver.get_by_role("heading", level=1)).to_have_text(f"Zwrot do poprawy: {TITLE}")
    assert not run_axe(approver), format_violations(run_axe(approver))
    approver.get_by_role("button", name="Zwróć do poprawy").click()
    expect(approver.locator(".errorlist")).to_contain_text("Napisz, co trzeba poprawić")
    approver.get_by_label("Uwagi do poprawy").fill("Proszę dodać termin zgłoszeń.")
    approver.get_by_role("button", name="Zwróć do poprawy").click()
    expect(approver.locator(".messagelist")).to_contain_text(f"Zwrócono wpis „{TITLE}” do poprawy.")
    run_worker()
    assert "Proszę dodać termin zgłoszeń." in mail.outbox[-1].body and mail.outbox[-1].to == ["autorka@pup.example"]

    # The writer reads the note on the admin home page, fixes the post and sends it again.
    page.goto("/admin/")
    page.get_by_role("link", name="1 wpis zwrócony do poprawy").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("note")).to_contain_text("Proszę dodać termin zgłoszeń.")
    page.locator(".ck-editor__editable").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Zgłoszenia do 15 stycznia.")
    page.get_by_role("button", name="Wyślij do akceptacji").click()
    expect(page.locator(".messagelist")).to_contain_text("Wysłano wpis do akceptacji")

    # The Redaktor approves it: it is published at once.
    approver.goto("/admin/")
    approver.get_by_role("link", name="1 wpis czeka na akceptację").click()
    approver.get_by_role("link", name=TITLE).click()
    approver.get_by_role("button", name="Zatwierdź i opublikuj").click()
    expect(approver.locator(".messagelist")).to_contain_text("Zatwierdzono wpis.")
    approver.context.close()
    run_worker()
    assert mail.outbox[-1].subject == f"Wpis zatwierdzony: {TITLE}"

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto("/aktualnosci/")
    resident.get_by_role("link", name=TITLE).click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(resident.locator(".rich-text")).to_contain_text("Zgłoszenia do 15 stycznia.")
    resident.context.close()
    assert Post.objects.get(title=TITLE).is_public
