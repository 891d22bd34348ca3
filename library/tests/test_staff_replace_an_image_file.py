"""„Zastąp plik” of an image writes the new picture under the same names (the largest copy and
every narrower one), so texts that show the image keep their address and show the new picture."""

import io

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Pillow

from adminsite.tests.forms import change_form_data
from conftest import image_bytes

LIST = "/admin/library/image/"


def replace(client, image, name, data):
    url = f"{LIST}{image.pk}/change/"
    form = change_form_data(client.get(url))
    form["replacement"] = SimpleUploadedFile(name, data)
    return client.post(url, form)


def stored(name):
    with default_storage.open(name) as file:
        data = file.read()
    return data, Pillow.open(io.BytesIO(data))


def test_a_replaced_image_keeps_every_name_and_changes_the_pictures(
    redaktor_client, make_image, django_capture_on_commit_callbacks
):
    image = make_image("Sala obrad.jpg", size=(2000, 1500))
    names, url = image.file_names, image.url
    before = [stored(name)[0] for name in names]

    # A PNG of other proportions, wider than the stored copy: a JPEG 1600 px wide, as before.
    with django_capture_on_commit_callbacks(execute=True):
        response = replace(redaktor_client, image, "nowa sala.png", image_bytes("PNG", size=(2400, 1200)))

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.file_names, image.url) == (names, url)
    assert (image.width, image.height) == (1600, 800)
    assert image.replaced_at is not None
    after = [stored(name) for name in names]
    assert [data for data, _ in after] != before
    assert [(picture.format, picture.size) for _, picture in after] == [
        ("JPEG", (1600, 800)),
        ("JPEG", (480, 240)),
        ("JPEG", (960, 480)),
    ]
    assert image.size == default_storage.size(image.file)
    assert sorted(default_storage.listdir("editor")[1]) == sorted(name.removeprefix("editor/") for name in names)


def test_a_narrower_image_is_refused_with_the_width_needed(redaktor_client, make_image):
    image = make_image("Sala obrad.jpg", size=(2000, 1500))
    before = stored(image.file)[0]

    response = replace(redaktor_client, image, "mala.jpg", image_bytes(size=(1200, 900)))

    assert response.status_code == 200
    assert "Nowy obraz jest węższy (1200 pikseli) niż obecny (1600 pikseli)." in response.text
    assert stored(image.file)[0] == before


def test_a_file_that_is_not_an_image_is_refused(redaktor_client, make_image):
    image = make_image()
    response = replace(redaktor_client, image, "sala.jpg", b"to nie jest obraz")
    assert response.status_code == 200
    assert "Plik nie jest poprawnym obrazem (JPEG, PNG, GIF lub WebP)." in response.text


def test_the_change_page_tells_what_a_replacement_must_be(redaktor_client, make_image):
    image = make_image()
    html = redaktor_client.get(f"{LIST}{image.pk}/change/").text
    assert "Zastąp plik" in html
    assert "co najmniej tak szeroki jak obecny" in html
    assert 'enctype="multipart/form-data"' in html
