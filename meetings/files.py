"""Photo renditions of meetings.

Photos are cleaned by ``core.images.clean_image`` (content check, size
limit, EXIF removed, random name); here they get a large size and a thumbnail.
Documents are checked by ``core.documents``.
"""

import io
import uuid

from django.core.files.base import ContentFile
from PIL import Image

LARGE_SIZE = (1600, 1600)
THUMBNAIL_SIZE = (480, 360)


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


# Documents -----------------------------------------------------------------
