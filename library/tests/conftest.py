"""Factories for the library tests: documents, and the people who manage them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import REDAKTOR
from conftest import pdf_bytes
from library.models import Document


@pytest.fixture
def make_document(db):
    def make(title="Regulamin naboru 2026", data=None, name="regulamin.pdf"):
        data = pdf_bytes(text="Regulamin naboru") if data is None else data
        return Document.objects.create(title=title, file=SimpleUploadedFile(name, data))

    return make


@pytest.fixture
def redaktor_client(client, staff_in_role):
    client.force_login(staff_in_role(REDAKTOR))
    return client


@pytest.fixture
def make_image(db):
    """An image as the editor stores it (core.images.editor_image_files), with its library row."""
    from django.core.files.storage import default_storage

    from conftest import image_bytes
    from core.images import clean_image, editor_image_files, image_size
    from library.models import Image, image_title

    def make(name="Sala obrad.jpg", size=(2000, 1500), fmt="JPEG", alt=""):
        cleaned = clean_image(SimpleUploadedFile(name, image_bytes(fmt, size=size)))
        files = editor_image_files(name, cleaned)
        names = [default_storage.save(file_name, file) for file_name, file in files]
        width, height = image_size(files[0][1])
        return Image.objects.create(
            title=image_title(name), alt=alt, file=names[0], width=width, height=height, size=files[0][1].size
        )

    return make
