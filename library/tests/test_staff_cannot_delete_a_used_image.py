"""An image that a saved text shows stays in the library; an unused one goes with all its files."""

from django.core.files.storage import default_storage

from library.models import Image

LIST = "/admin/library/image/"


def shown_in(image):
    return f'<figure class="image"><img src="{image.url}" alt="Sala"></figure>'


def test_deleting_a_used_image_is_refused_with_where_it_is_used(redaktor_client, make_image, make_post):
    image = make_image("Sala obrad.jpg")
    post = make_post(title="Nabór wniosków", body=shown_in(image))

    page = redaktor_client.get(f"{LIST}{image.pk}/delete/")
    sent = redaktor_client.post(f"{LIST}{image.pk}/delete/", {"post": "yes"})

    for response in (page, sent):
        assert "Nie można usunąć obrazu „Sala obrad”, bo pokazują go te treści." in response.text
        assert f'obraz „Sala obrad” – <a href="/admin/news/post/{post.pk}/change/">Wpis „Nabór wniosków”</a>' in (
            response.text
        )
    assert Image.objects.filter(pk=image.pk).exists()
    assert all(default_storage.exists(name) for name in image.file_names)


def test_bulk_delete_of_used_images_is_refused(redaktor_client, make_image, make_post):
    used, unused = make_image("Sala obrad.jpg"), make_image("Plakat.jpg")
    make_post(body=shown_in(used))

    response = redaktor_client.post(
        LIST, {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"}
    )

    assert "Nie można usunąć 2 obrazów: treści z tej listy pokazują niektóre z nich." in response.text
    assert Image.objects.count() == 2


def test_an_unused_image_is_deleted_with_every_copy(redaktor_client, make_image, django_capture_on_commit_callbacks):
    image = make_image("Sala obrad.jpg", size=(2000, 1500))
    names = image.file_names
    assert len(names) == 3 and all(default_storage.exists(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True):
        response = redaktor_client.post(f"{LIST}{image.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_an_image_whose_text_went_is_deleted(
    redaktor_client, make_image, make_post, django_capture_on_commit_callbacks
):
    image = make_image()
    make_post(body=shown_in(image)).delete()

    with django_capture_on_commit_callbacks(execute=True):
        redaktor_client.post(LIST, {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"})

    assert not Image.objects.exists()
