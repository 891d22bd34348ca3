"""Factories for the meetings tests: venues, meetings, photos, documents, files."""

import datetime
import io
import itertools
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import image_bytes, pdf_bytes  # noqa: F401 (pdf_bytes: imported by tests from here)

_seq = itertools.count(1)


def zip_bytes(members, first=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, as ODF requires
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def docx_bytes():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def xlsx_bytes():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


def odt_bytes(mimetype="application/vnd.oasis.opendocument.text"):
    return zip_bytes({"content.xml": "<office:document-content/>"}, first=("mimetype", mimetype))


@pytest.fixture
def venue(db):
    from meetings.models import Venue

    return Venue.objects.create(name="Rezydencja „Miętowe Wzgórza”", address="Trębki Nowe", gmina="zakroczym")


@pytest.fixture
def make_meeting(db):
    from meetings.models import Meeting

    def make(**fields):
        n = next(_seq)
        fields.setdefault("title", f"Spotkanie numer {n}")
        fields.setdefault("date", timezone.localdate() + datetime.timedelta(days=n))
        return Meeting.objects.create(**fields)

    return make


@pytest.fixture
def add_photo(db):
    from core.images import clean_image
    from meetings.models import Photo

    def add(meeting, data=None, **fields):
        n = next(_seq)
        upload = SimpleUploadedFile(f"zdjecie{n}.jpg", data or image_bytes(size=(900, 600)), content_type="image/jpeg")
        fields.setdefault("alt", f"Uczestnicy spotkania przy stole, ujęcie {n}")
        fields.setdefault("position", n)
        photo = Photo.objects.create(meeting=meeting, image=clean_image(upload), **fields)
        photo.make_renditions()  # as the background task does after commit (meetings/tasks.py)
        return photo

    return add


@pytest.fixture
def add_document(db):
    from core.documents import clean_document
    from meetings.models import Document

    def add(meeting, data=None, name="porozumienie.pdf", **fields):
        fields.setdefault("title", "Porozumienie o zawarciu partnerstwa")
        upload = clean_document(SimpleUploadedFile(name, data or pdf_bytes(), content_type="application/pdf"))
        return Document.objects.create(meeting=meeting, file=upload, **fields)

    return add
