import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import pdf_bytes
from library.models import Document
from meetings.tests.conftest import docx_bytes, odt_bytes, xlsx_bytes, zip_bytes

ADD = "/admin/library/document/add/"


def add(client, title, name, data):
    return client.post(ADD, {"title": title, "file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize(
    "name,data,kind",
    [
        ("Uchwała (skan) FINAL.PDF", pdf_bytes(text="Uchwala"), "pdf"),
        ("wniosek.docx", docx_bytes(), "docx"),
        ("zestawienie.xlsx", xlsx_bytes(), "xlsx"),
        ("notatka.odt", odt_bytes(), "odt"),
        ("arkusz.ods", odt_bytes("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
    ],
)
def test_a_document_is_stored_under_a_name_made_from_its_title(redaktor_client, name, data, kind):
    response = add(redaktor_client, "Uchwała nr 5/2025", name, data)

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name == f"dokumenty/uchwala-nr-5-2025.{kind}"
    assert (document.kind, document.size) == (kind, len(data))
    assert document.get_absolute_url() == f"/dokumenty/uchwala-nr-5-2025.{kind}"


def test_two_documents_of_one_title_get_two_addresses(make_document):
    first, second = make_document("Regulamin"), make_document("Regulamin")

    assert (first.slug, second.slug) == ("regulamin", "regulamin-2")
    assert (first.file.name, second.file.name) == ("dokumenty/regulamin.pdf", "dokumenty/regulamin-2.pdf")


def test_a_web_page_named_pdf_is_refused_in_polish(redaktor_client):
    response = add(redaktor_client, "Uchwała", "uchwala.pdf", b"<html><script>alert(1)</script></html>")

    assert response.status_code == 200
    assert "Plik nie jest dokumentem PDF, DOCX, XLSX, PPTX, ODT, ODS ani ODP." in response.text
    assert not Document.objects.exists()


def test_a_pdf_with_a_script_is_refused_as_meeting_documents_are(redaktor_client):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x")})
    response = add(redaktor_client, "Uchwała", "uchwala.pdf", pdf_bytes(catalog={NameObject("/OpenAction"): action}))

    assert "Plik PDF zawiera aktywne elementy" in response.text
    assert not Document.objects.exists()


def test_a_presentation_is_refused_with_the_kinds_the_library_takes(redaktor_client):
    pptx = zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})

    response = add(redaktor_client, "Prezentacja", "prezentacja.pptx", pptx)

    assert "Biblioteka przyjmuje tylko dokumenty PDF, DOCX, ODT, XLSX lub ODS, a ten plik to PPTX." in response.text
    assert not Document.objects.exists()


def test_a_too_large_document_is_refused_in_polish(redaktor_client, settings):
    settings.MAX_DOCUMENT_UPLOAD_MB = 1

    response = add(redaktor_client, "Duży", "duzy.pdf", pdf_bytes(1024 * 1024 + 1))

    assert "Plik jest za duży (1,0\xa0MB). Największy dozwolony rozmiar to 1,0\xa0MB." in response.text
    assert not Document.objects.exists()


def test_an_untagged_pdf_is_kept_with_the_accessibility_warning(redaktor_client):
    response = add(redaktor_client, "Skan uchwały", "skan.pdf", pdf_bytes())

    assert response.status_code == 302
    document = Document.objects.get()
    assert "text" in document.pdf_problems
    warnings = [str(m) for m in response.wsgi_request._messages]
    assert any("Skan uchwały" in m and "nie jest w pełni dostępny" in m for m in warnings), warnings
