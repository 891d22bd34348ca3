"""Every form post is limited per address; views add tighter limits of their own."""

from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import image_bytes
from pages.middleware import RequestLimitsMiddleware


def test_every_post_counts_towards_a_ceiling_per_address(client, db, monkeypatch):
    monkeypatch.setattr(RequestLimitsMiddleware, "POST_LIMIT", 3)
    for _ in range(3):
        assert client.post("/nie-ma-takiej/").status_code != 429
    response = client.post("/nie-ma-takiej/")
    assert response.status_code == 429
    assert "Zbyt wiele prób" in response.text
    assert client.get("/").status_code == 200  # reading is never limited


def test_editor_uploads_are_limited_per_person(client, alice):
    client.force_login(alice)
    for _ in range(60):
        upload = SimpleUploadedFile("a.jpg", image_bytes(), content_type="image/jpeg")
        assert client.post("/ckeditor5/image_upload/", {"upload": upload}).status_code == 200
    upload = SimpleUploadedFile("a.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post("/ckeditor5/image_upload/", {"upload": upload})
    assert response.status_code == 429
    assert "Zbyt wiele" in response.json()["error"]["message"]


def test_overlong_addresses_are_refused(client, db):
    response = client.get("/aktualnosci/?q=" + "x" * 9000)
    assert response.status_code == 414
    assert "za długi" in response.text
