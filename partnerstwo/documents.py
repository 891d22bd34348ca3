"""Checks for documents staff upload (the scanned agreement): PDF only, checked by content."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from partnerstwo.text import slugify_pl

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def validate_pdf(uploaded):
    """A model-field validator: a new upload must be a PDF (by its first bytes) within the size limit."""
    if getattr(uploaded, "_committed", False):
        return  # a file already stored, not a new upload
    if uploaded.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            "Plik jest za duży (%(size)s). Największy dozwolony rozmiar to %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    uploaded.seek(0)
    head = uploaded.read(1024)
    uploaded.seek(0)
    if not head.lstrip(b"\r\n\t ").startswith(b"%PDF-"):
        raise ValidationError("Plik nie jest dokumentem PDF.", code="not_pdf")


def document_path(instance, filename):
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"dokumenty/{slugify_pl(stem)[:80] or 'dokument'}.pdf"
