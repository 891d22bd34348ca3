"""The editor's „Obraz z biblioteki”: the library's images as JSON for staff who edit rich text only."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import REDAKTOR
from conftest import image_bytes
from library.models import Image

URL = "/admin/biblioteka/obrazy/"


@pytest.fixture
def redaktor_client(client, staff_in_role):
    client.force_login(staff_in_role(REDAKTOR))
    return client


def upload(client, name, size=(1000, 800)):
    data = SimpleUploadedFile(name, image_bytes(size=size), "image/jpeg")
    return client.post("/ckeditor5/image_upload/", {"upload": data}).json()["url"]


def test_an_upload_in_the_editor_joins_the_library(redaktor_client):
    url = upload(redaktor_client, "Sala obrad.jpg", size=(2000, 1000))

    image = Image.objects.get()
    assert (image.title, image.url, image.width, image.height) == ("Sala obrad", url, 1600, 800)
    assert image.uploaded_by.email == "redaktor@pup.example"
    assert image.size > 0


def test_it_lists_images_newest_first_with_their_addresses(redaktor_client):
    first = upload(redaktor_client, "Sala obrad.jpg")
    upload(redaktor_client, "Plakat naboru.jpg")

    results = redaktor_client.get(URL).json()["results"]

    assert [image["title"] for image in results] == ["Plakat naboru", "Sala obrad"]
    image = Image.objects.get(title="Sala obrad")
    assert results[1] == {
        "id": image.pk,
        "title": "Sala obrad",
        "url": first,
        "alt": "",
        "thumbnail": first.replace("-1000w.jpg", "-480w.jpg"),
        "label": "1000 × 800 px",
    }


def test_it_finds_by_title_and_shows_the_newest_twenty(redaktor_client):
    for n in range(21):
        upload(redaktor_client, f"Zdjęcie {n}.jpg", size=(300, 200))
    upload(redaktor_client, "Sala obrad.jpg", size=(300, 200))

    found = redaktor_client.get(URL, {"q": "sala"}).json()
    assert [image["title"] for image in found["results"]] == ["Sala obrad"]
    assert len(redaktor_client.get(URL).json()["results"]) == 20


def test_images_are_not_uploaded_through_the_dialog(redaktor_client):
    response = redaktor_client.post(URL.rstrip("/") + "/dodaj/", {"title": "Obraz"})
    assert response.status_code == 403
    assert "Prześlij obraz z komputera" in response.json()["error"]


def test_anonymous_visitors_and_staff_who_do_not_edit_texts_are_refused(client, django_user_model):
    assert client.get(URL).status_code == 302  # the admin's login page
    moderator = django_user_model.objects.create_user(username="ewa@pup.example", is_staff=True)
    moderator.user_permissions.set(Permission.objects.filter(codename__in=["view_comment", "change_comment"]))
    client.force_login(moderator)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Biblioteka obrazów jest dostępna" in response.json()["error"]
