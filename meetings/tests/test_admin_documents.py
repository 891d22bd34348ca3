import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Document
from meetings.tests.admin_forms import meeting_form
from meetings.tests.conftest import docx_bytes, odt_bytes, pdf_bytes, xlsx_bytes, zip_bytes

NOT_A_DOCUMENT = "Plik nie jest dokumentem PDF, DOCX, XLSX, PPTX, ODT, ODS ani ODP."


def attach(client, meeting, name, data, title="Protokół ze spotkania"):
    row = {"title": title, "file": SimpleUploadedFile(name, data), "position": "0"}
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"documents": [row]}
    )
    return client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)


@pytest.mark.parametrize(
    "name,data,kind",
    [
        ("Protokół (skan) FINAL.PDF", pdf_bytes(), "pdf"),
        ("lista.docx", docx_bytes(), "docx"),
        ("budzet.xlsx", xlsx_bytes(), "xlsx"),
        ("notatka.odt", odt_bytes(), "odt"),
        ("arkusz.ods", odt_bytes("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
        ("bez-rozszerzenia", pdf_bytes(), "pdf"),
    ],
)
def test_staff_attach_documents_recognised_by_content(client, alice, make_meeting, name, data, kind):
    meeting = make_meeting()
    client.force_login(alice)
    assert attach(client, meeting, name, data).status_code == 302
    document = Document.objects.get()
    assert document.kind == kind
    assert document.size == len(data)
    stored = document.file.name.rsplit("/", 1)[1]
    assert stored.endswith(f".{kind}") and " " not in stored and "(" not in stored
    assert document.file.name.startswith(f"spotkania/{meeting.pk}/dokumenty/")


def test_a_web_page_named_pdf_is_refused_in_polish(client, alice, make_meeting):
    client.force_login(alice)
    response = attach(client, make_meeting(), "uchwala.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert NOT_A_DOCUMENT in response.text
    assert not Document.objects.exists()


def test_a_zip_that_is_no_office_document_is_refused(client, alice, make_meeting):
    client.force_login(alice)
    response = attach(client, make_meeting(), "raport.docx", zip_bytes({"evil.exe": "MZ"}))
    assert NOT_A_DOCUMENT in response.text
    assert not Document.objects.exists()


def test_a_too_large_document_is_refused_in_polish(client, alice, make_meeting, settings):
    settings.MAX_DOCUMENT_UPLOAD_MB = 1
    client.force_login(alice)
    response = attach(client, make_meeting(), "duzy.pdf", pdf_bytes(1024 * 1024 + 1))
    assert response.status_code == 200
    assert "Plik jest za duży (1,0\xa0MB). Największy dozwolony rozmiar to 1,0\xa0MB." in response.text
    assert not Document.objects.exists()


def test_deleting_a_meeting_removes_its_document_files(make_meeting, add_document):
    import os

    meeting = make_meeting()
    path = add_document(meeting).file.path
    assert os.path.exists(path)
    meeting.delete()
    assert not os.path.exists(path)
