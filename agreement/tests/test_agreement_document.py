from django.core.files.uploadedfile import SimpleUploadedFile

from agreement.models import Agreement
from conftest import pdf_bytes as pdf


def agreement_form(**fields):
    data = {
        "title": "Porozumienie o zawarciu Partnerstwa Lokalnego",
        "slug": "",
        "signed_on": "2018-04-19",
        "occasion": "",
        "initiators": "",
        "text": "",
        "is_published": "on",
        "signatures-TOTAL_FORMS": "0",
        "signatures-INITIAL_FORMS": "0",
        "signatures-MIN_NUM_FORMS": "0",
        "signatures-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_a_scanned_pdf_is_offered_for_download_with_its_size(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("Skan porozumienia (podpisany).PDF", pdf(1_258_291), content_type="application/pdf")
    response = client.post("/admin/agreement/agreement/add/", agreement_form(document=upload))
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.document.name == "dokumenty/skan-porozumienia-podpisany.pdf"
    assert agreement.document_size == 1_258_291
    html = client.get("/porozumienie/").text
    assert f'<a href="/media/{agreement.document.name}" type="application/pdf">Pobierz skan porozumienia</a>' in html
    assert "(PDF, 1,2\xa0MB)" in html


def test_a_file_that_is_not_a_pdf_is_refused(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("porozumienie.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post("/admin/agreement/agreement/add/", agreement_form(document=upload))
    assert response.status_code == 200
    assert "Plik nie jest dokumentem PDF." in response.text
    assert not Agreement.objects.exists()


def test_a_too_large_pdf_is_refused_with_sizes_in_polish(client, alice, settings):
    settings.MAX_DOCUMENT_UPLOAD_MB = 1
    client.force_login(alice)
    upload = SimpleUploadedFile("porozumienie.pdf", pdf(1_572_864), content_type="application/pdf")
    response = client.post("/admin/agreement/agreement/add/", agreement_form(document=upload))
    assert response.status_code == 200
    assert "Plik jest za duży (1,5\xa0MB). Największy dozwolony rozmiar to 1,0\xa0MB." in response.text


def test_without_a_scan_there_is_no_download_link(client, make_agreement):
    make_agreement()
    assert "Pobierz skan" not in client.get("/porozumienie/").text
