"""The library's images as JSON, for a chooser beside the editor: staff who edit rich text only."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import REDAKTOR
from conftest import image_bytes
from library.models import Image

URL = "/admin/biblioteka/obrazy.json"


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
    sala = results[1]
    image = Image.objects.get(title="Sala obrad")
    assert sala == {
        "id": image.pk,
        "title": "Sala obrad",
        "alt": "",
        "url": first,
        "thumbnail_url": first.replace("-1000w.jpg", "-480w.jpg"),
        "width": 1000,
        "height": 800,
    }


def test_it_finds_by_title_and_pages_by_twenty(redaktor_client):
    for n in range(21):
        upload(redaktor_client, f"Zdjęcie {n}.jpg", size=(300, 200))
    upload(redaktor_client, "Sala obrad.jpg", size=(300, 200))

    found = redaktor_client.get(URL, {"q": "sala"}).json()
    assert [image["title"] for image in found["results"]] == ["Sala obrad"]
    first = redaktor_client.get(URL).json()
    assert (len(first["results"]), first["has_more"]) == (20, True)
    second = redaktor_client.get(URL, {"strona": "2"}).json()
    assert (len(second["results"]), second["has_more"]) == (2, False)


def test_a_wrong_page_number_is_a_400_in_polish(redaktor_client):
    response = redaktor_client.get(URL, {"strona": "abc"})
    assert response.status_code == 400
    assert response.json() == {"error": "Numer strony musi być liczbą całkowitą od 1."}


def test_anonymous_visitors_and_staff_who_do_not_edit_texts_get_403(client, django_user_model):
    assert client.get(URL).status_code == 403
    moderator = django_user_model.objects.create_user(username="ewa@pup.example", is_staff=True)
    moderator.user_permissions.set(Permission.objects.filter(codename__in=["view_comment", "change_comment"]))
    client.force_login(moderator)
    response = client.get(URL)
    assert response.status_code == 403
    assert response.json() == {"error": "Biblioteka obrazów jest dostępna dla osób, które redagują treści."}
