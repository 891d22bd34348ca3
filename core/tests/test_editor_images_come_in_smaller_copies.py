"""An image put into rich text is stored under a readable name, at most 1,600 px, with narrower
copies; pages offer the copies through srcset so a phone loads a small file."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from conftest import image_bytes
from core.images import editor_image_srcset, with_srcsets

NAME = re.compile(r"^/media/editor/(?P<stem>sala-obrad-w-lomiankach-[0-9a-f]{6})-1600w\.jpg$")


def upload(client, name, data, content_type="image/jpeg"):
    return client.post("/ckeditor5/image_upload/", {"upload": SimpleUploadedFile(name, data, content_type)})


def stored_size(url):
    with default_storage.open(url.removeprefix("/media/")) as file:
        return Image.open(io.BytesIO(file.read())).size


@pytest.mark.django_db
def test_a_large_photo_is_shown_at_1600_px_with_copies_480_and_960_px_wide(client, alice):
    client.force_login(alice)
    response = upload(client, "Sala obrad w Łomiankach.JPG", image_bytes(size=(3200, 2000)))
    assert response.status_code == 200
    url = response.json()["url"]
    stem = NAME.match(url)["stem"]
    assert stored_size(url) == (1600, 1000)
    assert stored_size(f"/media/editor/{stem}-960w.jpg") == (960, 600)
    assert stored_size(f"/media/editor/{stem}-480w.jpg") == (480, 300)
    assert editor_image_srcset(url) == (
        f"/media/editor/{stem}-480w.jpg 480w, /media/editor/{stem}-960w.jpg 960w, /media/editor/{stem}-1600w.jpg 1600w"
    )


@pytest.mark.django_db
def test_a_small_image_gets_no_copies_and_an_animated_gif_stays_whole(client, alice):
    client.force_login(alice)
    url = upload(client, "ikona.png", image_bytes("PNG", size=(400, 300)), "image/png").json()["url"]
    assert re.fullmatch(r"/media/editor/ikona-[0-9a-f]{6}-400w\.png", url)
    assert sorted(default_storage.listdir("editor")[1]) == [url.removeprefix("/media/editor/")]
    assert editor_image_srcset(url) == f"{url} 400w"

    frames = [Image.new("RGB", (2000, 100), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:])
    gif = upload(client, "baner.gif", out.getvalue(), "image/gif").json()["url"]
    assert re.fullmatch(r"/media/editor/baner-[0-9a-f]{6}\.gif", gif)
    assert Image.open(default_storage.open(gif.removeprefix("/media/"))).n_frames == 2
    assert editor_image_srcset(gif) == ""


@pytest.mark.django_db
def test_a_file_name_without_letters_is_named_obraz(client, alice):
    client.force_login(alice)
    url = upload(client, "../../!!!.jpg", image_bytes(size=(100, 80))).json()["url"]
    assert re.fullmatch(r"/media/editor/obraz-[0-9a-f]{6}-100w\.jpg", url)


def test_the_page_offers_the_copies_sized_by_the_width_chosen_in_the_editor():
    src = "/media/editor/sala-0a1b2c-1600w.jpg"
    html = f'<figure class="image image-width-50"><img src="{src}" alt="Sala"></figure><p>Tekst</p>'
    shown = with_srcsets(html)
    assert shown == (
        f'<figure class="image image-width-50"><img src="{src}" alt="Sala" '
        'srcset="/media/editor/sala-0a1b2c-480w.jpg 480w, /media/editor/sala-0a1b2c-960w.jpg 960w, '
        f'{src} 1600w" sizes="(min-width: 52rem) 24rem, 50vw"></figure><p>Tekst</p>'
    )
    full = with_srcsets(f'<figure class="image"><img src="{src}" alt="Sala"></figure>')
    assert 'sizes="(min-width: 52rem) 48rem, 100vw"' in full


@pytest.mark.parametrize(
    "src",
    [
        "/media/editor/0f3c2a9d4b6e4f1a8c7d5e2b1a0f9e8d.jpg",  # uploaded before copies were made
        "https://example.org/media/editor/sala-0a1b2c-1600w.jpg",
        "/static/favicon.svg",
    ],
)
def test_other_images_are_left_as_they_are(src):
    html = f'<p><img src="{src}" alt="Obraz"></p>'
    assert with_srcsets(html) == html


@pytest.mark.django_db
def test_a_post_shows_the_srcset_at_no_cost_in_queries(client, make_post, cold_render):
    plain = make_post(body='<figure class="image"><img src="/static/favicon.svg" alt="Znak"></figure>')
    post = make_post(body='<figure class="image"><img src="/media/editor/sala-0a1b2c-960w.jpg" alt="Sala"></figure>')
    client.get(plain.get_absolute_url())  # anything loaded once per process
    with CaptureQueriesContext(connection) as plain_queries:
        client.get(plain.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        html = client.get(post.get_absolute_url()).text
    assert len(queries) == len(plain_queries)
    assert 'srcset="/media/editor/sala-0a1b2c-480w.jpg 480w, /media/editor/sala-0a1b2c-960w.jpg 960w"' in html
