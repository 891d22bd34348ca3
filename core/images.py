"""Checks and cleaning for images that staff upload.

An upload is accepted when Pillow recognises its content as one of the
allowed formats, whatever its name says. It is re-encoded, which drops EXIF
data (camera location included) after applying the EXIF orientation, and it
gets a random file name with the extension of its real format. Smaller
copies (a meeting photo's large size and thumbnail, a post's card images)
are made from the cleaned image by ``renditions``.

What an image costs is bounded twice. Before anything is decoded, the check counts every
image as it will be once converted to colour, four bytes a pixel (a palette or 1-bit PNG of
a few kilobytes decodes at one byte a pixel, but its RGBA copy takes four). And copies are
made by shrinking first and converting only what is left: a JPEG is decoded at a reduced
scale, anything else is converted and reduced a band of rows at a time.
"""

import io
import math
import re
import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

from core.text import slugify_pl

FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
# Pillow keeps RGB and RGBA (and most other modes) in four bytes a pixel. Palette, greyscale
# and 1-bit images take one byte a pixel decoded, but every image may be converted to colour
# (a JPEG's re-encoding, any copy), so each is counted at four.
COLOUR_BYTES_PER_PIXEL = 4
# Copies: shrink by a whole factor first, to at most this many times the size of the copy
# in each direction, then resample what is left (as Image.thumbnail does by default).
REDUCING_GAP = 2
# Pixels converted to colour at a time while a copy is made: one band of rows.
BAND_PIXELS = 1_000_000


def max_decoded_bytes():
    return settings.MAX_IMAGE_DECODE_MB * 1024 * 1024


def decoded_bytes(image):
    """Memory the pixels of an opened (not yet loaded) image take once decoded and in colour."""
    return image.width * image.height * COLOUR_BYTES_PER_PIXEL


def max_upload_bytes():
    return settings.MAX_IMAGE_UPLOAD_MB * 1024 * 1024


def clean_image(uploaded):
    """Validate an uploaded image and return a cleaned ContentFile."""
    if uploaded.size > max_upload_bytes():
        raise ValidationError(
            "Plik jest za duży (%(size)s). Największy dozwolony rozmiar to %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_upload_bytes())},
        )
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as probe:
            probe.verify()
        uploaded.seek(0)
        image = Image.open(uploaded)
        fmt = image.format
        if fmt not in FORMATS:
            raise ValidationError("Dozwolone są tylko obrazy JPEG, PNG, GIF i WebP.", code="bad_format")
        if image.width * image.height > MAX_PIXELS or decoded_bytes(image) > max_decoded_bytes():
            raise ValidationError(
                "Obraz jest zbyt duży do przetworzenia (%(width)s × %(height)s pikseli). "
                "Zmniejsz go, np. do 4000 pikseli szerokości, i prześlij ponownie.",
                code="too_many_pixels",
                params={"width": image.width, "height": image.height},
            )
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError("Plik nie jest poprawnym obrazem (JPEG, PNG, GIF lub WebP).", code="not_image") from None
    if fmt == "GIF" and getattr(image, "is_animated", False):
        uploaded.seek(0)
        data = uploaded.read()  # keep the animation; GIF carries no EXIF location
    else:
        ImageOps.exif_transpose(image, in_place=True)  # no copy of the pixels when upright already
        out = io.BytesIO()
        options = {"JPEG": {"quality": 88, "optimize": True}, "WEBP": {"quality": 88}}.get(fmt, {})
        if fmt == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, format=fmt, **options)
        data = out.getvalue()
    cleaned = ContentFile(data, name=f"{uuid.uuid4().hex}.{FORMATS[fmt]}")
    cleaned.image_width, cleaned.image_height = image.size
    return cleaned


def clean_form_image(value):
    """For a form's ``clean_<field>``: clean a new upload, pass anything else through."""
    if isinstance(value, UploadedFile):
        return clean_image(value)
    return value


def validate_image(uploaded):
    """A model-field validator: the checks of clean_image without keeping the result."""
    if hasattr(uploaded, "_committed") and uploaded._committed:
        return  # an image already stored, not a new upload
    clean_image(uploaded)


def image_size(source):
    """(width, height) of the image ``source``."""
    source.seek(0)
    with Image.open(source) as image:
        return image.size


def renditions(source, sizes):
    """Copies of the image ``source`` that fit in each of ``sizes``, from one decoding.

    Returns a (ContentFile, width, height) for each size, in order. No full-size colour
    copy of the image is ever made: see the module's docstring.
    """
    source.seek(0)
    with Image.open(source) as image:
        image.seek(0)  # the first frame of an animated GIF
        fmt = "JPEG" if image.format == "JPEG" else "WEBP" if image.format == "WEBP" else "PNG"
        mode = "RGBA" if fmt != "JPEG" and _has_alpha(image) else "RGB"
        full_size = image.size
        targets = [_fit(full_size, size) for size in sizes]
        largest = max(targets, key=lambda target: target[0] * target[1])
        # JPEG: decode at 1/2, 1/4 or 1/8 of the size straight away, as long as it stays large enough.
        image.draft(None, (largest[0] * REDUCING_GAP, largest[1] * REDUCING_GAP))
        # Transparent images are shrunk premultiplied ("RGBa"), as Pillow resamples RGBA: with
        # RGBA here, every resize would first make a premultiplied copy of the whole image.
        shrunk = _shrink_to_colour(image, largest, "RGBa" if mode == "RGBA" else mode)
    results = []
    options = {"JPEG": {"quality": 85, "optimize": True}, "WEBP": {"quality": 85}}.get(fmt, {"optimize": True})
    extension = {"JPEG": "jpg", "WEBP": "webp", "PNG": "png"}[fmt]
    for target in targets:
        copy = shrunk if shrunk.size == target else shrunk.resize(target, Image.Resampling.LANCZOS)
        copy = copy.convert(mode)
        out = io.BytesIO()
        copy.save(out, format=fmt, **options)
        results.append((ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}"), *copy.size))
    return results


def _fit(size, box):
    """``size`` made to fit in ``box`` keeping its proportions, never enlarged (as Image.thumbnail)."""
    width, height = size
    if width <= box[0] and height <= box[1]:
        return size
    scale = min(box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _shrink_to_colour(image, target, mode):
    """``image`` in ``mode``, reduced by a whole factor to at most REDUCING_GAP × ``target``.

    A band of rows is converted at a time, then reduced (palette and 1-bit images cannot be
    reduced before conversion: their pixels are not colours). So the colour copy never takes
    more than REDUCING_GAP² × the copy's pixels, plus one band.
    """
    width, height = image.size
    factor = max(1, math.ceil(min(width / (target[0] * REDUCING_GAP), height / (target[1] * REDUCING_GAP))))
    rows = max(1, BAND_PIXELS // width // factor) * factor
    shrunk = Image.new(mode, (math.ceil(width / factor), math.ceil(height / factor)))
    for top in range(0, height, rows):
        band = image.crop((0, top, width, min(top + rows, height)))
        band = band.convert("RGBA").convert(mode) if mode == "RGBa" else band.convert(mode)
        if factor > 1:
            band = band.reduce(factor)
        shrunk.paste(band, (0, top // factor))
    return shrunk


def _has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


# Images put into rich text in the editor: the file shown is at most this size, and copies of
# these widths let a phone (or a narrow column) load a smaller file through srcset.
EDITOR_IMAGE_BOX = (1600, 1600)
EDITOR_IMAGE_WIDTHS = (480, 960)
EDITOR_DIR = "editor/"
# editor/<words of the file's name>-<6 hex>-<width>w.<ext>: the width in the name tells the page
# which narrower copies exist without a query or a look at the storage.
_EDITOR_NAME_RE = re.compile(r"(?P<stem>[a-z0-9-]+-[0-9a-f]{6})-(?P<width>[0-9]+)w\.(?P<ext>jpg|png|webp)")


def editor_image_files(upload_name, cleaned):
    """The files to store for an image uploaded in the editor, from ``clean_image``'s result.

    Returns (name, ContentFile) pairs, the image to show first: at most EDITOR_IMAGE_BOX,
    then a copy for each of EDITOR_IMAGE_WIDTHS narrower than it. Names are read from the
    uploaded file's name („Sala obrad.JPG” → editor/sala-obrad-3f9a0c-1600w.jpg). An animated
    GIF is kept whole, without copies (a copy would stop its animation).
    """
    words = slugify_pl(PurePath(upload_name).stem)[:60].strip("-") or "obraz"
    stem = f"{EDITOR_DIR}{words}-{secrets.token_hex(3)}"
    extension = cleaned.name.rsplit(".", 1)[-1]
    if extension == "gif":
        return [(f"{stem}.gif", cleaned)]
    width, height = cleaned.image_width, cleaned.image_height
    if width > EDITOR_IMAGE_BOX[0] or height > EDITOR_IMAGE_BOX[1]:
        [(cleaned, width, height)] = renditions(cleaned, [EDITOR_IMAGE_BOX])
    narrower = [size for size in EDITOR_IMAGE_WIDTHS if size < width]
    files = [(f"{stem}-{width}w.{extension}", cleaned)]
    tall = EDITOR_IMAGE_BOX[1] * 100  # only the width bounds a copy
    if narrower:
        for copy, copy_width, _ in renditions(cleaned, [(size, tall) for size in narrower]):
            files.append((f"{stem}-{copy_width}w.{extension}", copy))
    return files


def editor_image_names(name):
    """Every stored file of the editor image whose largest copy is ``name``, largest first."""
    found = _EDITOR_NAME_RE.fullmatch(name.removeprefix(EDITOR_DIR))
    if found is None:
        return [name]
    width, stem, ext = int(found["width"]), found["stem"], found["ext"]
    return [name] + [f"{EDITOR_DIR}{stem}-{size}w.{ext}" for size in EDITOR_IMAGE_WIDTHS if size < width]


def editor_image_width(name):
    """The width an editor image's name carries („…-1600w.jpg” → 1600), or None (a GIF)."""
    found = _EDITOR_NAME_RE.fullmatch(name.removeprefix(EDITOR_DIR))
    return int(found["width"]) if found else None


def replacement_files(name, cleaned):
    """The files that replace the editor image stored as ``name``, under the same names.

    ``cleaned`` is clean_image's result. It is converted to the stored format, and made as wide
    as the stored largest copy, each narrower copy from it: the names (and the widths srcset
    promises by them) stay true. A narrower upload is refused: it cannot fill the largest name.
    """
    extension = name.rsplit(".", 1)[-1]
    fmt = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}[extension]
    width = editor_image_width(name)
    if width is not None and cleaned.image_width < width:
        raise ValidationError(
            "Nowy obraz jest węższy (%(new)s pikseli) niż obecny (%(old)s pikseli). Prześlij obraz "
            "o szerokości co najmniej %(old)s pikseli: strony podają ten obraz w tej szerokości.",
            code="too_narrow",
            params={"new": cleaned.image_width, "old": width},
        )
    source = _in_format(cleaned, fmt)
    if width is None:
        return [(name, source)]
    tall = EDITOR_IMAGE_BOX[1] * 100  # only the width bounds a copy
    names = editor_image_names(name)
    widths = [width] + [size for size in EDITOR_IMAGE_WIDTHS if size < width]
    copies = renditions(source, [(size, tall) for size in widths])
    if cleaned.image_width == width:  # the cleaned upload itself, not a second encoding of it
        copies[0] = (source, cleaned.image_width, cleaned.image_height)
    return [(copy_name, copy) for copy_name, (copy, _, _) in zip(names, copies, strict=True)]


def _in_format(cleaned, fmt):
    """``cleaned`` (clean_image's result) saved in ``fmt``; itself when it is already."""
    cleaned.seek(0)
    with Image.open(cleaned) as image:
        if image.format == fmt:
            cleaned.seek(0)
            return cleaned
        image.seek(0)
        mode = "RGB" if fmt == "JPEG" else "RGBA" if _has_alpha(image) else "RGB"
        out = io.BytesIO()
        options = {"JPEG": {"quality": 88, "optimize": True}, "WEBP": {"quality": 88}}.get(fmt, {})
        image.convert(mode).save(out, format=fmt, **options)
    converted = ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{FORMATS[fmt]}")
    converted.image_width, converted.image_height = cleaned.image_width, cleaned.image_height
    return converted


def editor_largest_names(names):
    """Of the file names in the editor's folder, those of each image's largest copy (and GIFs)."""
    largest = {}
    for name in names:
        found = _EDITOR_NAME_RE.fullmatch(name)
        if found:
            key = (found["stem"], found["ext"])
            if int(found["width"]) > largest.get(key, (0, ""))[0]:
                largest[key] = (int(found["width"]), name)
        elif re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{6}\.gif", name):
            largest[name, "gif"] = (0, name)
    return sorted(name for _, name in largest.values())


def editor_file_label(name):
    """The name staff gave an editor image's file: „sala-obrad-3f9a0c-1600w.jpg” → „sala-obrad.jpg”."""
    found = _EDITOR_NAME_RE.fullmatch(name)
    return f"{found['stem'][:-7]}.{found['ext']}" if found else name


def editor_image_srcset(src):
    """The srcset of an editor image's ``src`` (see editor_image_files), or "" for any other image."""
    prefix = default_storage.url(EDITOR_DIR)
    if not src.startswith(prefix):
        return ""
    found = _EDITOR_NAME_RE.fullmatch(src.removeprefix(prefix))
    if found is None:
        return ""
    width, stem, ext = int(found["width"]), found["stem"], found["ext"]
    widths = [size for size in EDITOR_IMAGE_WIDTHS if size < width] + [width]
    return ", ".join(f"{prefix}{stem}-{size}w.{ext} {size}w" for size in widths)


# How wide an editor image shows (static/css/site.css): the text column of a post or page is
# at most 48rem, and a width chosen in the editor (image-width-25/50/75) is a share of it.
_COLUMN_REM = 48
_SHARE = {"image-width-25": 0.25, "image-width-50": 0.5, "image-width-75": 0.75}
_IMG_RE = re.compile(r"(?P<figure><figure\b[^>]*>\s*)?<img\b(?P<attrs>[^>]*)>")
_SRC_RE = re.compile(r'\ssrc="(?P<src>[^"]*)"')
_CLASS_RE = re.compile(r'\sclass="(?P<classes>[^"]*)"')


def with_srcsets(html):
    """Cleaned rich text with a srcset and sizes on every editor image that has narrower copies."""
    return _IMG_RE.sub(_add_srcset, html) if "<img" in html else html


def _add_srcset(found):
    src = _SRC_RE.search(found["attrs"])
    srcset = editor_image_srcset(src["src"]) if src else ""
    if not srcset or "srcset=" in found["attrs"]:
        return found[0]
    classes = " ".join(match["classes"] for match in _CLASS_RE.finditer(found[0])).split()
    share = min((_SHARE[name] for name in classes if name in _SHARE), default=1)
    sizes = f"(min-width: {_COLUMN_REM + 4}rem) {_COLUMN_REM * share:g}rem, {100 * share:g}vw"
    return f'{found["figure"] or ""}<img{found["attrs"]} srcset="{srcset}" sizes="{sizes}">'
