"""An editor adds a document to the library, attaches it to a post, and readers see it under the
post with its type and size; the editor replaces its file and the old address serves the new one;
the document, still attached, cannot be deleted."""

import re

import pytest
from playwright.sync_api import expect

from conftest import pdf_bytes
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

FIRST = pdf_bytes(size=123_456, text="Regulamin naboru", tagged=True, lang="pl", title="Regulamin naboru")
SECOND = pdf_bytes(size=130_000, text="Regulamin naboru po zmianach", tagged=True, lang="pl", title="Regulamin")


def test_editor_attaches_a_library_document_and_replaces_its_file(page, browser, live_server, staff_in_role, make_post):
    post = make_post(title="Nabór wniosków na szkolenia")
    editor = staff_in_role("Redaktor")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url="/admin/library/document/add/")

    page.get_by_label("Tytuł:", exact=True).fill("Regulamin naboru 2026")
    page.locator("#id_file").set_input_files(
        files=[{"name": "Regulamin FINAL.pdf", "mimeType": "application/pdf", "buffer": FIRST}]
    )
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Regulamin naboru 2026")

    page.goto(f"/admin/news/post/{post.pk}/change/")
    expect(page.get_by_role("heading", name="Załączniki")).to_be_visible()
    page.locator("#attachments-0 .select2-selection").click()  # the library's autocomplete box
    page.locator(".select2-search__field").fill("Regul")
    page.locator(".select2-results__option", has_text="Regulamin naboru 2026").click()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Nabór wniosków na szkolenia")

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto(post.get_absolute_url())
    attachments = resident.get_by_role("region", name="Załączniki")
    expect(attachments.get_by_role("link", name="Regulamin naboru 2026")).to_have_attribute(
        "href", "/dokumenty/regulamin-naboru-2026.pdf"
    )
    expect(attachments).to_contain_text("(PDF, 120,6\xa0KB)")
    assert not run_axe(resident), format_violations(run_axe(resident))
    download = resident.request.get("/dokumenty/regulamin-naboru-2026.pdf")
    assert download.body() == FIRST
    assert download.headers["content-disposition"] == 'attachment; filename="regulamin-naboru-2026.pdf"'

    page.goto("/admin/library/document/")
    page.get_by_role("link", name="Regulamin naboru 2026").click()
    expect(page.get_by_role("link", name="Wpis „Nabór wniosków na szkolenia”")).to_be_visible()
    page.locator("#id_file").set_input_files(
        files=[{"name": "regulamin-poprawiony.pdf", "mimeType": "application/pdf", "buffer": SECOND}]
    )
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Regulamin naboru 2026")

    assert resident.request.get("/dokumenty/regulamin-naboru-2026.pdf").body() == SECOND
    resident.reload()
    expect(resident.get_by_role("region", name="Załączniki")).to_contain_text("(PDF, 127,0\xa0KB)")

    page.goto("/admin/library/document/")
    page.get_by_role("link", name="Regulamin naboru 2026").click()
    page.locator("a.deletelink").click()
    expect(page.locator("#content")).to_contain_text(
        re.compile(r"Nie można usunąć dokumentu „Regulamin naboru 2026.*bo jest załącznikiem")
    )
    expect(page.get_by_role("button", name="Tak, usuń")).to_have_count(0)
    resident.context.close()
