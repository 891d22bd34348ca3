"""Documents staff upload (meeting attachments, the scanned agreement), checked by content.

A document is recognised by its content (magic bytes and, for office files,
the ZIP members that define the format), never by the name the uploader gave;
it is size-limited (MAX_DOCUMENT_UPLOAD_MB) and stored under a safe name.
"""

import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from core.text import slugify_pl


class DocumentKind:
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    ODT = "odt"
    ODS = "ods"
    ODP = "odp"


KIND_LABELS = {
    DocumentKind.PDF: "PDF",
    DocumentKind.DOCX: "DOCX",
    DocumentKind.XLSX: "XLSX",
    DocumentKind.PPTX: "PPTX",
    DocumentKind.ODT: "ODT",
    DocumentKind.ODS: "ODS",
    DocumentKind.ODP: "ODP",
}

ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": DocumentKind.ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": DocumentKind.ODS,
    b"application/vnd.oasis.opendocument.presentation": DocumentKind.ODP,
}
# The part every OOXML package of the kind has.
OOXML_PARTS = {
    "word/document.xml": DocumentKind.DOCX,
    "xl/workbook.xml": DocumentKind.XLSX,
    "ppt/presentation.xml": DocumentKind.PPTX,
}

NOT_A_DOCUMENT = "Plik nie jest dokumentem PDF, DOCX, XLSX, PPTX, ODT, ODS ani ODP."


def max_document_bytes():
    return settings.MAX_DOCUMENT_UPLOAD_MB * 1024 * 1024


def detect_kind(fileobj):
    """The document kind of ``fileobj`` read from its content, or None."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return DocumentKind.PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 100:
                    kind = ODF_MIMETYPES.get(archive.read("mimetype").strip())
                    if kind and "content.xml" in names:
                        return kind
            if "[Content_Types].xml" in names:
                for part, kind in OOXML_PARTS.items():
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    finally:
        fileobj.seek(0)
    return None


def safe_document_name(original_name, kind):
    """„Porozumienie (skan) FINAL.PDF” → "porozumienie-skan-final-3f2a9c1b.pdf"."""
    stem = slugify_pl(PurePath(str(original_name)).stem)[:60].strip("-") or "dokument"
    return f"{stem}-{uuid.uuid4().hex[:8]}.{kind}"


def check_size(uploaded):
    """Refuse an empty upload or one over MAX_DOCUMENT_UPLOAD_MB, with sizes in Polish."""
    if uploaded.size > max_document_bytes():
        raise ValidationError(
            "Plik jest za duży (%(size)s). Największy dozwolony rozmiar to %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_document_bytes())},
        )
    if uploaded.size == 0:
        raise ValidationError("Plik jest pusty.", code="empty")


def check_document(uploaded):
    """Refuse a document that is too large, empty or of no allowed kind; return its kind."""
    check_size(uploaded)
    kind = detect_kind(uploaded)
    if kind is None:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_format")
    return kind


def clean_document(uploaded):
    """Check an uploaded document; return it renamed safely."""
    kind = check_document(uploaded)
    uploaded.name = safe_document_name(uploaded.name, kind)
    return uploaded


def clean_form_document(value):
    """For a form's ``clean_<field>``: check a new upload, pass a stored file through."""
    if isinstance(value, UploadedFile):
        return clean_document(value)
    return value


def validate_document(uploaded):
    """A model-field validator: the checks of clean_document on a new upload."""
    if hasattr(uploaded, "_committed") and uploaded._committed:
        return  # a document already stored
    check_document(uploaded)


def validate_pdf(uploaded):
    """A model-field validator for fields that take only PDF (the scanned agreement)."""
    if hasattr(uploaded, "_committed") and uploaded._committed:
        return
    check_size(uploaded)
    if detect_kind(uploaded) != DocumentKind.PDF:
        raise ValidationError("Plik nie jest dokumentem PDF.", code="not_pdf")


def document_path(instance, filename):
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"dokumenty/{slugify_pl(stem)[:80] or 'dokument'}.pdf"
