"""Staff attach an untagged PDF to a meeting: the admin warns after the save and the meeting page
tells residents the document is not fully accessible."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from conftest import pdf_bytes
from meetings.models import Meeting
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def test_an_untagged_pdf_is_saved_with_a_warning_and_a_note_for_residents(page, alice):
    meeting = Meeting.objects.create(
        title="Posiedzenie partnerstwa", date=datetime.date(2026, 11, 5), status=Meeting.Status.HELD
    )
    log_in_to_admin(page, alice, next_url=f"/admin/meetings/meeting/{meeting.pk}/change/")
    page.locator("#id_documents-0-title").fill("Protokół ze spotkania")
    data = pdf_bytes(text="Protokol ze spotkania", lang="pl-PL", title="Protokół ze spotkania")
    page.locator("#id_documents-0-file").set_input_files(
        files=[{"name": "protokol.pdf", "mimeType": "application/pdf", "buffer": data}]
    )
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()

    messages = page.locator(".messagelist")
    expect(messages.locator(".warning")).to_contain_text(
        "Dokument „Protokół ze spotkania” nie jest w pełni dostępny: brak znaczników struktury (PDF bez tagów)."
    )
    expect(messages).to_contain_text("włącz opcję „PDF z tagami”")
    expect(page.locator("#documents-group")).to_contain_text("Nie w pełni dostępny. Brak: tagów.")

    page.goto(meeting.get_absolute_url())
    documents = page.get_by_role("region", name="Dokumenty")
    expect(documents.get_by_role("link", name="Protokół ze spotkania")).to_be_visible()
    expect(documents).to_contain_text(
        "Ten dokument nie jest w pełni dostępny: brak znaczników struktury (PDF bez tagów)."
    )
    documents.get_by_role("link", name="zgłoś problem z dostępnością").click()
    expect(page).to_have_url(re.compile(r"/zglos-problem-z-dostepnoscia/\?adres="))
    expect(page.get_by_label("Strona lub dokument, którego dotyczy zgłoszenie")).to_have_value(
        re.compile(re.escape(meeting.get_absolute_url()) + "$")
    )
