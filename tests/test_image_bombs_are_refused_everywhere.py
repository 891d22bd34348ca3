"""Images of a few kilobytes that would decode to hundreds of megabytes, sent to every image field.

Every file field of every admin add page, and of the change page of one row of each model,
gets each file in turn, as does the editor's upload endpoint. The answer is a form error or
a 4xx, never a 5xx; an image field says in Polish why the image was refused. The forms come
from the admin site's registry and the pages' HTML, so a new model's fields are covered.
"""

import datetime
import functools
import io
import struct
import zlib
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from PIL import Image

from conftest import image_bytes

SIDE = 6300  # 39.7 million pixels: within the pixel limit, 159 MB in colour
# Ours (core/images.py), and Django's ImageField for a file Pillow cannot open.
REFUSALS = ("Obraz jest zbyt duży do przetworzenia", "nie jest poprawnym obrazem", "Prześlij poprawny plik graficzny")


def refused(text):
    return any(message in text for message in REFUSALS)


def _saved(mode, fmt, **options):
    out = io.BytesIO()
    Image.new(mode, (SIDE, SIDE), 0).save(out, format=fmt, **options)
    return out.getvalue()


def _png_header_only(width, height):
    """A PNG that claims ``width`` × ``height`` pixels and holds one row of them."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\0" * (1 + width))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


BOMBS = {
    "palette-png": ("png", lambda: _saved("P", "PNG", transparency=0)),
    "one-bit-png": ("png", lambda: _saved("1", "PNG")),
    "greyscale-jpeg": ("jpg", lambda: _saved("L", "JPEG")),
    "palette-gif": ("gif", lambda: _saved("P", "GIF")),
    "webp": ("webp", lambda: _saved("RGB", "WEBP", lossless=True)),
    "png-claiming-a-billion-pixels": ("png", lambda: _png_header_only(40_000, 40_000)),
}


@functools.cache
def bomb(kind):
    extension, make = BOMBS[kind]
    data = make()
    assert len(data) < 1024 * 1024, f"{kind}: {len(data)} bytes"
    return f"zdjecie.{extension}", data


class AdminForm(HTMLParser):
    """The fields of the admin page's form, with the values the page gives them."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.values = {}
        self.files = {}  # name -> accept
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("enctype") == "multipart/form-data":
            self.inside = True
        if not self.inside or not attrs.get("name") and tag != "option":
            return
        if "__prefix__" in (attrs.get("name") or ""):
            return  # the template of an inline's new row, not a field of the form
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind == "file":
                self.files[name] = attrs.get("accept") or ""
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button", "image"):
                self.values[name] = [attrs.get("value") or ""]
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = [""]
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.setdefault(self._select, []).append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


@pytest.fixture
def superuser(client, alice):
    client.force_login(alice)
    return alice


@pytest.fixture
def rows(db):
    """One row with files of the models that have them: change pages show their file fields."""
    from core.images import clean_image
    from meetings.models import Meeting, Photo
    from pages.models import Coordinator

    Coordinator.objects.create(name="Powiatowy Urząd Pracy")  # seen also as the home page (HomePage)
    meeting = Meeting.objects.create(title="Spotkanie ze zdjęciem", date=datetime.date(2026, 11, 20))
    upload = SimpleUploadedFile("sala.jpg", image_bytes(size=(300, 200)))
    Photo.objects.create(meeting=meeting, image=clean_image(upload), alt="Sala").make_renditions()


def admin_pages(client):
    """(url, form) of each admin add page, and of each model's first row's change page, with file fields."""
    pages = []
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls = []
        try:
            urls.append(reverse("admin:{}_{}_add".format(*info)))
        except NoReverseMatch:
            pass
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue
            form = AdminForm()
            form.feed(response.text)
            if form.files:
                pages.append((url, form))
    return pages


@pytest.mark.sweep
@pytest.mark.parametrize("kind", BOMBS)
def test_every_admin_file_field_refuses_an_image_bomb(client, superuser, rows, kind):
    name, data = bomb(kind)
    pages = admin_pages(client)
    fields = {field for _url, form in pages for field in form.files}
    assert {"new_photos", "photos-0-image", "image", "logo", "home_image"} <= fields, fields
    for url, form in pages:
        for field, accept in form.files.items():
            post = {key: values if len(values) != 1 else values[0] for key, values in form.values.items()}
            post[field] = SimpleUploadedFile(name, data)
            response = client.post(url, post)
            where = f"POST {url} {field} ({kind})"
            assert response.status_code < 500, f"{where}: {response.status_code}"
            assert response.status_code != 302, f"{where}: saved"
            if "image" in accept:
                assert refused(response.text), where


@pytest.mark.sweep
@pytest.mark.parametrize("kind", BOMBS)
def test_the_editor_upload_refuses_an_image_bomb(client, superuser, kind):
    name, data = bomb(kind)
    response = client.post("/ckeditor5/image_upload/", {"upload": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert refused(message)
