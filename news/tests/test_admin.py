import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conftest import image_bytes
from news.models import Post


def post_form(category, **fields):
    data = {
        "title": "Nowe spotkanie partnerów",
        "slug": "",
        "category": category.pk,
        "lead": "",
        "body": "<p>Treść</p><script>alert(1)</script>",
        "image_alt": "",
        "status": "published",
        "published_at_0": "2026-11-20",
        "published_at_1": "10:00:00",
        "author": "",
    }
    data.update(fields)
    return data


def test_staff_write_a_post_in_polish_admin(client, alice, category):
    client.force_login(alice)
    page = client.get("/admin/news/post/add/")
    assert "Dodaj wpis" in page.text
    assert "ckeditor" in page.text.lower()
    response = client.post("/admin/news/post/add/", post_form(category))
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.slug == "nowe-spotkanie-partnerow"
    assert post.author == alice
    assert "<script" not in post.body


def test_image_needs_alt_text_and_loses_exif(client, alice, category, jpeg_with_location):
    client.force_login(alice)
    upload = SimpleUploadedFile("zdjęcie z telefonu.JPG", jpeg_with_location, content_type="image/jpeg")
    response = client.post("/admin/news/post/add/", post_form(category, image=upload))
    assert response.status_code == 200
    assert "Podaj tekst alternatywny ilustracji." in response.text

    upload = SimpleUploadedFile("zdjęcie z telefonu.JPG", jpeg_with_location, content_type="image/jpeg")
    response = client.post("/admin/news/post/add/", post_form(category, image=upload, image_alt="Sala obrad"))
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.image.name.endswith(".jpg") and "telefonu" not in post.image.name
    with Image.open(post.image.path) as stored:
        assert not stored.getexif()
    assert (post.image_width, post.image_height) == (40, 30)


def test_a_file_that_is_not_an_image_is_refused(client, alice, category):
    client.force_login(alice)
    upload = SimpleUploadedFile("obraz.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = client.post("/admin/news/post/add/", post_form(category, image=upload, image_alt="x"))
    assert response.status_code == 200
    assert not Post.objects.exists()


def test_slug_of_published_post_is_read_only(client, alice, make_post):
    post = make_post()
    client.force_login(alice)
    html = client.get(f"/admin/news/post/{post.pk}/change/").text
    assert 'name="slug"' not in html
    assert 'class="viewsitelink">Pokaż na stronie</a>' in html


def test_admin_list_has_filters_and_search(client, alice, make_post):
    make_post(title="Spotkanie w Leoncinie")
    client.force_login(alice)
    html = client.get("/admin/news/post/?q=Leoncin").text
    assert "Spotkanie w Leoncinie" in html
    filters = html[html.index('id="changelist-filter"') :]
    assert "stan=szkic" in filters and "stan=zaplanowany" in filters and "stan=opublikowany" in filters


def test_editor_upload_is_for_staff_only(client, bob, alice):
    data = {"upload": SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")}
    assert client.post("/ckeditor5/image_upload/", data).status_code == 302  # to the login page
    client.force_login(bob)
    data = {"upload": SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")}
    assert client.post("/ckeditor5/image_upload/", data).status_code == 302
    client.force_login(alice)
    data = {"upload": SimpleUploadedFile("../../etc/passwd.png", image_bytes("PNG"), content_type="image/png")}
    response = client.post("/ckeditor5/image_upload/", data)
    assert response.status_code == 200
    url = response.json()["url"]
    # Named after the file's own name, never a path of it.
    assert re.fullmatch(r"/media/editor/passwd-[0-9a-f]{6}-40w\.png", url), url


def test_editor_upload_refuses_non_images_in_polish(client, alice):
    client.force_login(alice)
    data = {"upload": SimpleUploadedFile("a.png", b"GIF89a<script>", content_type="image/png")}
    response = client.post("/ckeditor5/image_upload/", data)
    assert response.status_code == 400
    assert "nie jest poprawnym obrazem" in response.json()["error"]["message"]


def test_editor_upload_is_refused_to_staff_who_edit_no_text(client, django_user_model):
    from django.contrib.auth.models import Permission

    moderator = django_user_model.objects.create_user(
        username="ewa@pup.example", email="ewa@pup.example", is_staff=True
    )
    moderator.user_permissions.set(Permission.objects.filter(codename__in=["view_comment", "change_comment"]))
    client.force_login(moderator)
    data = {"upload": SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")}
    response = client.post("/ckeditor5/image_upload/", data)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Przesyłanie obrazów jest dostępne dla osób, które redagują treści."
