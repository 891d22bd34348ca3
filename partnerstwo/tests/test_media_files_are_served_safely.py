"""Uploaded files served by Django itself: images open in the page, everything else downloads."""

import pytest


@pytest.fixture
def media(settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

    def put(name, data):
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return f"/media/{name}"

    return put


def test_a_document_downloads_and_is_never_sniffed(client, db, media):
    from conftest import pdf_bytes

    response = client.get(media("dokumenty/porozumienie.pdf", pdf_bytes()))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="porozumienie.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_web_page_among_the_uploads_downloads_instead_of_opening(client, db, media):
    response = client.get(media("editor/strona.html", b"<script>alert(document.cookie)</script>"))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_image_opens_in_the_page(client, db, media):
    from conftest import image_bytes

    response = client.get(media("editor/zdjecie.png", image_bytes("PNG")))
    assert response["Content-Type"] == "image/png"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
