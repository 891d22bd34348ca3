"""An office file whose ZIP headers understate what it unpacks to is refused: its parts are
measured by unpacking them as a stream, which stops as soon as a part outgrows what it declared."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import lying_zip_bytes
from core import documents
from core.documents import UNPACK_CHUNK_BYTES, check_document

DOCX = {"[Content_Types].xml": "<Types/>"}
XLSX = {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}
ODT = {"mimetype": "application/vnd.oasis.opendocument.text"}
LIARS = {
    "docx": (DOCX, "word/document.xml"),
    "xlsx": (XLSX, "xl/worksheets/sheet1.xml"),
    "odt": (ODT, "content.xml"),
}
ZEROS = b"\0" * (20 * 1024 * 1024)  # 20 MB that pack into about 20 KB


def upload(name, data):
    return SimpleUploadedFile(name, data)


def test_pythons_zipfile_believes_the_lie():
    data = lying_zip_bytes(DOCX, "word/document.xml", ZEROS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
        assert len(archive.read("word/document.xml")) == 1000  # no checksum error either


@pytest.mark.parametrize("kind", LIARS)
def test_an_office_file_that_lies_about_its_size_is_refused(kind):
    members, liar = LIARS[kind]
    with pytest.raises(ValidationError) as refused:
        check_document(upload(f"plik.{kind}", lying_zip_bytes(members, liar, ZEROS)))
    assert refused.value.code == "lying_zip"
    assert refused.value.messages == [
        "Plik jest uszkodzony: jego części po rozpakowaniu mają inny rozmiar, niż podaje plik. "
        "Zapisz dokument ponownie w edytorze i prześlij jeszcze raz."
    ]


def test_unpacking_stops_as_soon_as_a_part_outgrows_its_declared_size(monkeypatch):
    unpacked = []
    real = documents.zlib.decompressobj

    class Counting:
        def __init__(self, *args):
            self.inflater = real(*args)

        def decompress(self, data, max_length):
            out = self.inflater.decompress(data, max_length)
            unpacked.append(len(out))
            return out

        def __getattr__(self, name):
            return getattr(self.inflater, name)

    monkeypatch.setattr(documents.zlib, "decompressobj", Counting)
    with pytest.raises(ValidationError):
        check_document(upload("plik.docx", lying_zip_bytes(DOCX, "word/document.xml", ZEROS)))
    assert 1000 < sum(unpacked) <= 1000 + UNPACK_CHUNK_BYTES


def test_a_part_that_packs_far_better_than_it_says_is_refused_as_a_bomb(monkeypatch):
    monkeypatch.setattr(documents, "RATIO_CHECK_BYTES", 1024)
    members = {"[Content_Types].xml": "<Types/>"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
        archive.writestr("word/document.xml", b"\0" * (2 * 1024 * 1024))
    data = bytearray(out.getvalue())
    # The central directory says the part is barely packed (2 MB in 1 MB); it is packed 1000 times.
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + 17] != b"word/document.xml":
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 20 : central + 24] = (1024 * 1024).to_bytes(4, "little")
    with pytest.raises(ValidationError) as refused:
        check_document(upload("plik.docx", bytes(data)))
    assert refused.value.code == "zip_bomb"
    assert refused.value.messages[0].startswith("Plik po rozpakowaniu byłby zbyt duży (ponad ")


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_an_honest_office_file_passes(compression):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "<w:p>Tekst protokołu.</w:p>" * 5000 + "</w:document>")
    assert check_document(upload("protokol.docx", out.getvalue())) == "docx"
