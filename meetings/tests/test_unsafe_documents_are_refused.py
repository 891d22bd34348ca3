"""Staff attach a document that only looks like one: a zip bomb, a PDF that runs code,
a web page that starts like a PDF. Each is refused with a Polish message, nothing stored."""

import io
import zipfile

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from conftest import lying_zip_bytes, pdf_bytes
from meetings.models import Document
from meetings.tests.test_admin_documents import attach

ACTIVE = "Plik PDF zawiera aktywne elementy"
NOT_PDF = "Plik nie jest poprawnym dokumentem PDF"
BOMB = "Plik po rozpakowaniu byłby zbyt duży"


@pytest.fixture
def staff_client(client, alice):
    client.force_login(alice)
    return client


def _refused(client, meeting, name, data, message):
    response = attach(client, meeting, name, data)
    assert response.status_code == 200
    assert message in response.text
    assert not Document.objects.exists()


def _written(writer):
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_docx_that_unpacks_to_a_thousand_times_its_size_is_refused(staff_client, make_meeting):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(64):
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 200 * 1024  # a small upload
    _refused(staff_client, make_meeting(), "protokol.docx", data, BOMB)


def test_a_docx_that_unpacks_beyond_the_limit_is_refused(staff_client, make_meeting, monkeypatch):
    import os

    monkeypatch.setattr("core.documents.MAX_UNPACKED_BYTES", 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/image1.png", os.urandom(2 * 1024 * 1024))  # does not compress
    _refused(staff_client, make_meeting(), "protokol.docx", out.getvalue(), BOMB)


def test_a_docx_whose_headers_lie_about_its_size_is_refused(staff_client, make_meeting):
    # The tester's file: 1,000 bytes declared for a part that unpacks to 300 MB (here 20 MB).
    data = lying_zip_bytes({"[Content_Types].xml": "<Types/>"}, "word/document.xml", b"\0" * (20 * 1024 * 1024))
    _refused(staff_client, make_meeting(), "protokol.docx", data, "Plik jest uszkodzony")


def test_an_office_file_of_thousands_of_parts_is_refused(staff_client, make_meeting):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(1500):
            archive.writestr(f"word/media/{n}.xml", "")
    _refused(staff_client, make_meeting(), "lista.docx", out.getvalue(), BOMB)


def test_a_pdf_that_runs_javascript_when_opened_is_refused(staff_client, make_meeting):
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hej')")}
    )
    data = pdf_bytes(catalog={NameObject("/OpenAction"): script})
    _refused(staff_client, make_meeting(), "zaproszenie.pdf", data, ACTIVE)


def test_a_pdf_with_document_scripts_is_refused(staff_client, make_meeting):
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hej')")}
    )
    names = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("powitanie"), script])}
            )
        }
    )
    _refused(staff_client, make_meeting(), "uchwala.pdf", pdf_bytes(catalog={NameObject("/Names"): names}), ACTIVE)


def test_a_pdf_with_an_embedded_program_is_refused(staff_client, make_meeting):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment("faktura.exe", b"MZ\x90\x00")
    _refused(staff_client, make_meeting(), "faktura.pdf", _written(writer), ACTIVE)


def test_a_web_page_that_starts_like_a_pdf_is_refused(staff_client, make_meeting):
    data = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
    _refused(staff_client, make_meeting(), "uchwala.pdf", data, NOT_PDF)


def test_a_pdf_that_opens_at_its_first_page_is_accepted(staff_client, make_meeting):
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([page.indirect_reference, NameObject("/Fit")])
    data = _written(writer)
    assert attach(staff_client, make_meeting(), "program.pdf", data).status_code == 302
    assert Document.objects.get().kind == "pdf"


def test_the_scanned_agreement_must_be_a_real_pdf_too(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from agreement.tests.test_agreement_document import agreement_form

    fake = SimpleUploadedFile("porozumienie.pdf", b"%PDF-1.4\n<html>nic</html>", content_type="application/pdf")
    response = staff_client.post("/admin/agreement/agreement/add/", agreement_form(document=fake))
    assert response.status_code == 200
    assert NOT_PDF in response.text
