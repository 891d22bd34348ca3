"""A small image file that would take hundreds of megabytes to decode is refused before decoding.

The memory is measured for real: the check runs in a fresh Python process whose peak
resident size (VmHWM) is read before and after.
"""

import json
import struct
import subprocess
import sys
import zlib

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.images import MAX_PIXELS, clean_image

SIDE = 6300  # 39.7 million pixels: under the pixel limit
assert SIDE * SIDE < MAX_PIXELS


def sixteen_bit_png(width, height):
    """A black 16-bit RGB PNG, written row by row (a few hundred kilobytes)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    row = b"\0" * (1 + width * 6)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


MEASURE = """
import json, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from core.images import clean_image

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

data = open(sys.argv[1], "rb").read()
before = peak()
try:
    clean_image(SimpleUploadedFile("a.png", data, content_type="image/png"))
    outcome = "accepted"
except ValidationError as error:
    outcome = " ".join(error.messages)
print(json.dumps({"grew": peak() - before, "outcome": outcome}))
"""


@pytest.fixture(scope="module")
def png_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("png") / "duzy.png"
    path.write_bytes(sixteen_bit_png(SIDE, SIDE))
    return path


def test_a_small_png_that_would_decode_to_hundreds_of_megabytes_is_refused_cheaply(png_path):
    assert png_path.stat().st_size < 400 * 1024
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(png_path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "DJANGO_SETTINGS_MODULE": "partnerstwo.settings",
            "PATH": "/usr/bin:/bin",
            "DATA_DIR": str(settings.DATA_DIR),
            "DATABASE_URL": "postgres://nobody@localhost/none",
        },
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert "Obraz jest zbyt duży do przetworzenia" in found["outcome"]
    assert found["grew"] < 20 * 1024 * 1024


def test_a_large_photo_within_the_memory_bound_is_still_accepted(settings):
    from PIL import Image

    from conftest import image_bytes

    settings.MAX_IMAGE_UPLOAD_MB = 20
    data = image_bytes("JPEG", size=(6000, 4000))  # a 24-megapixel camera photo
    cleaned = clean_image(SimpleUploadedFile("foto.jpg", data, content_type="image/jpeg"))
    assert Image.open(cleaned).size == (6000, 4000)


def test_the_message_says_how_to_fix_it(png_path):
    upload = SimpleUploadedFile("a.png", png_path.read_bytes(), content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        clean_image(upload)
    assert caught.value.messages == [
        "Obraz jest zbyt duży do przetworzenia (6300 × 6300 pikseli). "
        "Zmniejsz go, np. do 4000 pikseli szerokości, i prześlij ponownie."
    ]
