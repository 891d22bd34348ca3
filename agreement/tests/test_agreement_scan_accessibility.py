"""Staff upload the scanned agreement: the admin says what the PDF lacks, the page says it too."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from agreement.models import Agreement
from agreement.tests.test_agreement_document import agreement_form
from conftest import pdf_bytes
from meetings.models import Document, Meeting

SCAN_PROBLEMS = (
    "brak warstwy tekstowej (skan), brak znaczników struktury (PDF bez tagów), "
    "nie określono języka dokumentu, brak tytułu dokumentu"
)
SCAN_VERDICT = "Nie w pełni dostępny. Brak: warstwy tekstowej (skan), tagów, języka, tytułu."


def test_a_scan_without_text_is_saved_with_a_warning_and_a_note_on_the_page(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("skan.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post("/admin/agreement/agreement/add/", agreement_form(document=upload), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any(
        m.startswith(f"Dokument „skan porozumienia” nie jest w pełni dostępny: {SCAN_PROBLEMS}.") for m in messages
    )
    agreement = Agreement.objects.get()
    assert agreement.document_problems == ["text", "tagged", "language", "title"]

    listing = client.get("/admin/agreement/agreement/").text
    assert "Dostępność skanu" in listing
    assert SCAN_VERDICT in listing
    assert SCAN_VERDICT in client.get(f"/admin/agreement/agreement/{agreement.pk}/change/").text

    page = client.get("/porozumienie/").text
    assert f"Ten dokument nie jest w pełni dostępny: {SCAN_PROBLEMS}." in page
    assert 'można otrzymać na żądanie: <a href="/zglos-problem-z-dostepnoscia/?adres=/porozumienie/">' in page


def test_an_accessible_pdf_shows_no_note(client, alice):
    client.force_login(alice)
    data = pdf_bytes(text="Porozumienie o zawarciu partnerstwa", tagged=True, lang="pl", title="Porozumienie")
    upload = SimpleUploadedFile("porozumienie.pdf", data, content_type="application/pdf")
    response = client.post("/admin/agreement/agreement/add/", agreement_form(document=upload), follow=True)
    assert not [m for m in response.context["messages"] if "dostępny" in str(m)]
    assert Agreement.objects.get().document_problems == []
    assert "nie jest w pełni dostępny" not in client.get("/porozumienie/").text


def test_removing_the_scan_forgets_its_check(make_agreement):
    agreement = make_agreement()
    agreement.document = SimpleUploadedFile("skan.pdf", pdf_bytes())
    agreement.save()
    assert agreement.document_problems == ["text", "tagged", "language", "title"]
    agreement.document = None
    agreement.save()
    assert agreement.document_problems is None


def test_the_command_checks_documents_stored_before(make_agreement):
    meeting = Meeting.objects.create(title="Posiedzenie", date=datetime.date(2026, 11, 5))
    data = pdf_bytes(text="Lista", lang="pl", title="Lista")
    Document.objects.create(meeting=meeting, title="Lista obecności", file=SimpleUploadedFile("lista.pdf", data))
    agreement = make_agreement()
    agreement.document = SimpleUploadedFile("skan.pdf", pdf_bytes())
    agreement.save()
    Document.objects.update(pdf_problems=None)  # as rows stored before the checks existed
    Agreement.objects.update(document_problems=None)

    out = io.StringIO()
    call_command("check_pdf_accessibility", stdout=out)
    assert Document.objects.get().pdf_problems == ["tagged"]
    assert Agreement.objects.get().document_problems == ["text", "tagged", "language", "title"]
    assert "Lista obecności: brak znaczników struktury (PDF bez tagów)" in out.getvalue()
    assert "Sprawdzone dokumenty PDF: 2, w tym niedostępne w pełni: 2." in out.getvalue()

    again = io.StringIO()
    call_command("check_pdf_accessibility", stdout=again)
    assert "Sprawdzone dokumenty PDF: 0, w tym niedostępne w pełni: 0." in again.getvalue()
