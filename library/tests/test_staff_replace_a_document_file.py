import os

from django.core.files.uploadedfile import SimpleUploadedFile

from adminsite.tests.forms import change_form_data
from conftest import pdf_bytes
from library.models import Document
from meetings.tests.conftest import docx_bytes


def replace(client, document, name, data):
    url = f"/admin/library/document/{document.pk}/change/"
    form = change_form_data(client.get(url))
    form["file"] = SimpleUploadedFile(name, data)
    return client.post(url, form)


def test_the_change_form_offers_to_replace_the_file(redaktor_client, make_document):
    document = make_document("Regulamin")

    response = redaktor_client.get(f"/admin/library/document/{document.pk}/change/")

    assert "Zastąp plik" in response.text
    assert "Adres dokumentu się nie zmieni" in response.text
    assert "/dokumenty/regulamin.pdf" in response.text


def test_a_replaced_file_is_served_at_the_old_address(
    redaktor_client, client, make_document, django_capture_on_commit_callbacks
):
    document = make_document("Regulamin")
    old_path = document.file.path
    new = pdf_bytes(text="Regulamin po zmianach")

    with django_capture_on_commit_callbacks(execute=True):
        response = replace(redaktor_client, document, "regulamin-v2.pdf", new)

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.get_absolute_url() == "/dokumenty/regulamin.pdf"
    assert document.file.name == "dokumenty/regulamin-2.pdf"  # readable, never random
    assert document.size == len(new) and document.replaced_at is not None
    assert not os.path.exists(old_path)
    served = client.get("/dokumenty/regulamin.pdf")
    assert b"".join(served.streaming_content) == new


def test_a_pdf_replaced_by_a_docx_keeps_the_old_address_working(
    redaktor_client, client, make_document, django_capture_on_commit_callbacks
):
    document = make_document("Wniosek")

    with django_capture_on_commit_callbacks(execute=True):
        replace(redaktor_client, document, "wniosek.docx", docx_bytes())

    assert client.get("/dokumenty/wniosek.pdf")["Location"] == "/dokumenty/wniosek.docx"
    assert client.get("/dokumenty/wniosek.docx").status_code == 200


def test_a_bad_replacement_keeps_the_old_file(redaktor_client, make_document):
    document = make_document("Regulamin")

    response = replace(redaktor_client, document, "regulamin.pdf", b"MZ\x90\x00 not a document")

    assert response.status_code == 200
    assert "Plik nie jest dokumentem" in response.text
    assert Document.objects.get().file.name == "dokumenty/regulamin.pdf"
    assert os.path.exists(document.file.path)
