from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import image_bytes


def test_a_post_with_an_illustration_shows_its_thumbnail_among_the_results(
    client, make_post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_post(
            title="Targi pracy w Nasielsku",
            image=SimpleUploadedFile("targi.jpg", image_bytes(size=(1200, 800))),
            image_alt="Stoiska pracodawców na targach",
        )
        make_post(title="Targi pracy bez zdjęcia")
    html = client.get("/szukaj/", {"q": "targi pracy"}).text
    with_image, without = html.split('<article class="card search-result')[1:3]
    if "bez zdjęcia" in with_image:
        with_image, without = without, with_image
    assert with_image.startswith(' card-with-image">')
    assert '<img class="card-image" src="/media/aktualnosci/miniatury/' in with_image
    assert 'width="' in with_image and 'height="' in with_image and 'alt=""' in with_image
    assert "<img" not in without
