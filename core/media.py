"""Checks of the recordings staff upload (the information in Polish Sign Language): the video,
its captions and nothing else, recognised by content, not by the name alone.

A video is MP4 (an ISO base media file: its first box is „ftyp”) or WebM (an EBML header whose
document type is „webm”), at most MAX_VIDEO_UPLOAD_MB. Captions are WebVTT: UTF-8 text that
starts with „WEBVTT”, at most MAX_CAPTIONS_BYTES. The browser's own <video> plays them, so no
third-party player is ever needed.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MAX_CAPTIONS_BYTES = 1024 * 1024
VIDEO_EXTENSIONS = {"mp4": "mp4", "m4v": "mp4", "webm": "webm"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"


def max_video_bytes():
    return settings.MAX_VIDEO_UPLOAD_MB * 1024 * 1024


def _is_new_upload(uploaded):
    return not (hasattr(uploaded, "_committed") and uploaded._committed)


def _head(uploaded, size):
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def video_kind(head):
    """ "mp4", "webm" or None for the first bytes of a file."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(EBML_MAGIC) and b"webm" in head[:64]:
        return "webm"
    return None


def validate_video(uploaded):
    """A model-field validator: an MP4 or WebM file of at most MAX_VIDEO_UPLOAD_MB."""
    if not _is_new_upload(uploaded):
        return
    if uploaded.size == 0:
        raise ValidationError("Plik jest pusty.", code="empty")
    if uploaded.size > max_video_bytes():
        raise ValidationError(
            "Nagranie jest za duże (%(size)s). Największy dozwolony rozmiar to %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_video_bytes())},
        )
    extension = PurePath(str(uploaded.name)).suffix.lower().lstrip(".")
    kind = video_kind(_head(uploaded, 64))
    if kind is None or VIDEO_EXTENSIONS.get(extension) != kind:
        raise ValidationError(
            "Dozwolone są tylko nagrania MP4 i WebM (plik o rozszerzeniu .mp4 albo .webm).", code="bad_format"
        )


def validate_captions(uploaded):
    """A model-field validator: WebVTT captions (UTF-8 text starting with „WEBVTT”), at most 1 MB."""
    if not _is_new_upload(uploaded):
        return
    if uploaded.size > MAX_CAPTIONS_BYTES:
        raise ValidationError(
            "Plik napisów jest za duży (%(size)s). Największy dozwolony rozmiar to %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(MAX_CAPTIONS_BYTES)},
        )
    try:
        text = _head(uploaded, MAX_CAPTIONS_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("Plik napisów musi być zapisany w kodowaniu UTF-8.", code="not_utf8") from None
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if PurePath(str(uploaded.name)).suffix.lower() != ".vtt" or not (
        first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))
    ):
        raise ValidationError(
            "Napisy muszą być w formacie WebVTT: plik .vtt, którego pierwszy wiersz to „WEBVTT”.", code="not_vtt"
        )
