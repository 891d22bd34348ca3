"""Checks and cleaning for images that staff upload.

An upload is accepted when Pillow recognises its content as one of the
allowed formats, whatever its name says. It is re-encoded, which drops EXIF
data (camera location included) after applying the EXIF orientation, and it
gets a random file name with the extension of its real format. Smaller
copies (a meeting photo's large size and thumbnail, a post's card images)
are made from the cleaned image by ``rendition``.
"""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
# Pillow keeps RGB and RGBA (and most other modes) in four bytes a pixel. Palette, greyscale
# and 1-bit images take one byte a pixel decoded, but every image may be converted to colour
# (a JPEG's re-encoding, any copy), so each is counted at four.
COLOUR_BYTES_PER_PIXEL = 4


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


def rendition(source, size):
    """A copy of the image ``source`` that fits in ``size``; returns (ContentFile, width, height)."""
    source.seek(0)
    with Image.open(source) as image:
        image.seek(0)  # the first frame of an animated GIF
        fmt = "JPEG" if image.format == "JPEG" else "WEBP" if image.format == "WEBP" else "PNG"
        copy = image.convert("RGBA" if fmt != "JPEG" and _has_alpha(image) else "RGB")
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    options = {"JPEG": {"quality": 85, "optimize": True}, "WEBP": {"quality": 85}}.get(fmt, {"optimize": True})
    copy.save(out, format=fmt, **options)
    extension = {"JPEG": "jpg", "WEBP": "webp", "PNG": "png"}[fmt]
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}"), copy.width, copy.height


def _has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
