"""A small image file that would take hundreds of megabytes to decode is refused before decoding,
and the copies made of an accepted one never cost a full-size colour copy.

The memory is measured for real: the check or the copies run in a fresh Python process
whose peak resident size (VmHWM) is read before and after (Pillow's pixel memory is not
seen by tracemalloc).
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


def measure(script, path):
    """Run ``script`` on the file ``path`` in a fresh Python process; what it printed, as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
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
    return json.loads(result.stdout)


def test_a_small_png_that_would_decode_to_hundreds_of_megabytes_is_refused_cheaply(png_path):
    assert png_path.stat().st_size < 400 * 1024
    found = measure(MEASURE, png_path)
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


def few_kilobyte_image(mode, side, fmt="PNG"):
    """A black image of ``side`` × ``side`` pixels whose file is tiny: it compresses to almost nothing."""
    import io

    from PIL import Image

    out = io.BytesIO()
    options = {"transparency": 0} if mode == "P" else {}
    Image.new(mode, (side, side), 0).save(out, format=fmt, **options)
    return out.getvalue()


# The tester's files: a palette PNG with transparency, a 1-bit PNG, a greyscale JPEG.
TESTERS_FILES = {"palette": ("P", "PNG"), "one-bit": ("1", "PNG"), "greyscale-jpeg": ("L", "JPEG")}


@pytest.mark.parametrize("kind", TESTERS_FILES)
def test_a_small_palette_or_greyscale_image_is_counted_as_its_colour_copy(kind):
    mode, fmt = TESTERS_FILES[kind]
    data = few_kilobyte_image(mode, SIDE, fmt)
    assert len(data) < 500 * 1024  # the PNGs are under 5 kB
    with pytest.raises(ValidationError) as caught:
        clean_image(SimpleUploadedFile(f"a.{fmt.lower()}", data))
    assert "Obraz jest zbyt duży do przetworzenia (6300 × 6300 pikseli)" in caught.value.messages[0]


RENDITIONS = """
import json, sys
import django
django.setup()
from core.images import renditions

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

with open(sys.argv[1], "rb") as source:
    before = peak()
    made = renditions(source, [(1600, 1600), (480, 360)])
print(json.dumps({"grew": peak() - before, "sizes": [[w, h] for _f, w, h in made]}))
"""

ACCEPTED_SIDE = 5600  # 31.4 million pixels: 125 MB in colour, just under the 128 MB bound


@pytest.mark.system  # measures each in a process of its own
@pytest.mark.parametrize("kind", TESTERS_FILES)
def test_copies_of_an_accepted_image_never_take_a_full_size_colour_copy(kind, tmp_path):
    mode, fmt = TESTERS_FILES[kind]
    path = tmp_path / f"obraz.{fmt.lower()}"
    path.write_bytes(few_kilobyte_image(mode, ACCEPTED_SIDE, fmt))
    clean_image(SimpleUploadedFile(path.name, path.read_bytes()))  # accepted by the check
    found = measure(RENDITIONS, path)
    assert found["sizes"] == [[1600, 1600], [360, 360]]
    colour_copy = ACCEPTED_SIDE * ACCEPTED_SIDE * 4
    # Before: the decoded image plus a full colour copy, 156 to 290 MB; now about 60 MB.
    assert found["grew"] < colour_copy, f"{found['grew'] / 2**20:.0f} MB"
