import datetime

import time_machine
from django.utils import timezone
from django.utils.http import http_date


def test_the_address_serves_the_file_as_a_named_download(client, make_document, django_assert_num_queries):
    document = make_document("Uchwała nr 5/2025")

    with django_assert_num_queries(1):
        response = client.get("/dokumenty/uchwala-nr-5-2025.pdf")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == document.file.open("rb").read()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="uchwala-nr-5-2025.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Last-Modified"] == http_date(document.uploaded_at.timestamp())


def test_an_office_document_gets_its_own_content_type(client, make_document):
    from meetings.tests.conftest import docx_bytes

    make_document("Wniosek", data=docx_bytes(), name="wniosek.docx")

    response = client.get("/dokumenty/wniosek.docx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == 'attachment; filename="wniosek.docx"'


def test_a_browser_holding_the_file_gets_not_modified(client, make_document):
    make_document("Regulamin")
    first = client.get("/dokumenty/regulamin.pdf")

    again = client.get("/dokumenty/regulamin.pdf", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304


def test_a_replaced_file_is_no_longer_not_modified(client, make_document):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from conftest import pdf_bytes

    document = make_document("Regulamin")
    first = client.get("/dokumenty/regulamin.pdf")
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        document.file = SimpleUploadedFile("nowy.pdf", pdf_bytes(text="Nowa wersja"))
        document.save()

    again = client.get("/dokumenty/regulamin.pdf", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200


def test_an_address_with_another_extension_leads_to_the_current_file(client, make_document):
    make_document("Regulamin")

    response = client.get("/dokumenty/regulamin.docx")

    assert response.status_code == 302
    assert response["Location"] == "/dokumenty/regulamin.pdf"


def test_an_unknown_document_is_a_polish_404(client, db):
    response = client.get("/dokumenty/nie-ma-takiego.pdf")

    assert response.status_code == 404
    assert "Nie ma takiej strony" in response.text or "Nie znaleziono" in response.text


def test_a_document_whose_file_is_gone_is_a_404_not_a_500(client, make_document):
    document = make_document("Regulamin")
    document.file.storage.delete(document.file.name)

    assert client.get("/dokumenty/regulamin.pdf").status_code == 404


def test_only_reading_is_allowed(client, make_document):
    make_document("Regulamin")

    assert client.post("/dokumenty/regulamin.pdf").status_code == 405
    assert client.head("/dokumenty/regulamin.pdf").status_code == 200
