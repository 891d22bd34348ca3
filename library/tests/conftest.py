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
