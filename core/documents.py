"""Documents staff upload (meeting attachments, the scanned agreement), checked by content.

A document is recognised by its content (magic bytes and, for office files,
the ZIP members that define the format), never by the name the uploader gave;
it is size-limited (MAX_DOCUMENT_UPLOAD_MB) and stored under a safe name.
Then its structure is checked (check_structure): an office file's ZIP must
unpack to a sane size (no zip bombs; measured by unpacking, as the sizes a ZIP
declares may lie), and a PDF must parse as a PDF (pypdf) and carry no active
content (scripts, launched programs, embedded files).
"""

import struct
import uuid
import zipfile
import zlib
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from core.text import slugify_pl

# An office document has a few dozen members, a few MB unpacked, XML compressed 5–30×.
MAX_ZIP_MEMBERS = 1000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100  # for members over RATIO_CHECK_BYTES unpacked
RATIO_CHECK_BYTES = 1024 * 1024
# Read and unpacked at a time when measuring what a ZIP really holds.
UNPACK_CHUNK_BYTES = 64 * 1024
# PDF objects we walk at most: a long report has tens of thousands.
MAX_PDF_OBJECTS = 200_000
# Keys and action types that make a PDF do something when opened or clicked.
# (/OpenAction itself is allowed: opening at a page is common; the walk finds a script action inside it.)
ACTIVE_PDF_KEYS = {
    "/JS",
    "/JavaScript",
    "/AA",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/EF",
    "/RichMedia",
    "/XFA",
}
ACTIVE_PDF_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute", "/GoToE"}


class DocumentKind(models.TextChoices):
    """The kinds of document the portal accepts, recognised by content: the one list of them."""

    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"
    PPTX = "pptx", "PPTX"
    ODT = "odt", "ODT"
    ODS = "ods", "ODS"
    ODP = "odp", "ODP"


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

NOT_A_DOCUMENT = f"Plik nie jest dokumentem {', '.join(DocumentKind.labels[:-1])} ani {DocumentKind.labels[-1]}."


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


BOMB = (
    "Plik po rozpakowaniu byłby zbyt duży (%(size)s) albo ma zbyt wiele części (%(count)s). "
    "Zapisz dokument ponownie w edytorze i prześlij jeszcze raz."
)
BOMB_UNPACKED = (
    "Plik po rozpakowaniu byłby zbyt duży (ponad %(size)s). Zapisz dokument ponownie w edytorze i prześlij jeszcze raz."
)
LYING_ZIP = (
    "Plik jest uszkodzony: jego części po rozpakowaniu mają inny rozmiar, niż podaje plik. "
    "Zapisz dokument ponownie w edytorze i prześlij jeszcze raz."
)


def _check_zip(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise ValidationError(NOT_A_DOCUMENT, code="bad_format") from None
    finally:
        fileobj.seek(0)
    unpacked = sum(m.file_size for m in members)
    too_packed = any(
        m.file_size > RATIO_CHECK_BYTES and m.file_size > MAX_COMPRESSION_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_UNPACKED_BYTES or too_packed:
        raise ValidationError(BOMB, code="zip_bomb", params={"size": filesizeformat(unpacked), "count": len(members)})
    # The sizes above are what the ZIP says; an office program unpacks what it holds.
    try:
        total = 0
        for member in members:
            total += _unpack_member(fileobj, member, MAX_UNPACKED_BYTES - total)
    finally:
        fileobj.seek(0)


def _unpack_member(fileobj, member, allowed):
    """Unpack ``member`` as a stream and return its real size; stop as soon as it lies or is too large.

    Office formats store their parts as they are or deflated: any other method, encryption or a
    broken stream is refused as not a document.
    """
    fileobj.seek(member.header_offset)
    header = fileobj.read(30)
    if len(header) < 30 or not header.startswith(b"PK\x03\x04") or member.flag_bits & 0x1:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_format")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    fileobj.seek(member.header_offset + 30 + name_length + extra_length)
    if member.compress_type == zipfile.ZIP_STORED:
        size = member.compress_size
    elif member.compress_type == zipfile.ZIP_DEFLATED:
        size = _inflated_size(fileobj, member, allowed)
    else:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_format")
    if size != member.file_size:
        raise ValidationError(LYING_ZIP, code="lying_zip")
    return size


def _inflated_size(fileobj, member, allowed):
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = read = 0
    pending = b""
    while not inflater.eof:
        if not pending:
            pending = fileobj.read(UNPACK_CHUNK_BYTES)
            if not pending:
                raise ValidationError(NOT_A_DOCUMENT, code="bad_format")  # the stream ends too early
            read += len(pending)
        try:
            size += len(inflater.decompress(pending, UNPACK_CHUNK_BYTES))
        except zlib.error:
            raise ValidationError(NOT_A_DOCUMENT, code="bad_format") from None
        pending = inflater.unconsumed_tail
        packed = read - len(pending)
        if size > member.file_size:
            raise ValidationError(LYING_ZIP, code="lying_zip")
        if size > allowed or (size > RATIO_CHECK_BYTES and size > MAX_COMPRESSION_RATIO * packed):
            raise ValidationError(BOMB, code="zip_bomb", params={"size": f"ponad {filesizeformat(size)}", "count": 1})
    return size


def _active_pdf_content(reader):
    """The first active key or action found in the PDF's objects, or None."""
    seen = set()
    stack = [reader.trailer]
    while stack:
        if len(seen) > MAX_PDF_OBJECTS:
            return "zbyt wiele obiektów"
        item = stack.pop()
        if isinstance(item, IndirectObject):
            ref = (item.idnum, item.generation)
            if ref in seen:
                continue
            seen.add(ref)
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # streams too: their dictionary
            for key, value in item.items():
                if key in ACTIVE_PDF_KEYS:
                    return key
                if key == "/S" and isinstance(value, NameObject) and value in ACTIVE_PDF_ACTIONS:
                    return value
                if key != "/Parent":  # every page points back up the tree
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def _check_pdf(fileobj):
    not_pdf = ValidationError(
        "Plik nie jest poprawnym dokumentem PDF (zaczyna się jak PDF, ale nie da się go odczytać).", code="not_pdf"
    )
    try:
        reader = PdfReader(fileobj, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                "Plik PDF jest zabezpieczony hasłem. Prześlij wersję bez hasła.", code="pdf_encrypted"
            )
        if "/Root" not in reader.trailer or len(reader.pages) == 0:
            raise not_pdf
        active = _active_pdf_content(reader)
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise not_pdf from None
    finally:
        fileobj.seek(0)
    if active:
        raise ValidationError(
            "Plik PDF zawiera aktywne elementy (skrypty, uruchamianie programów lub osadzone pliki), "
            "których portal nie przyjmuje. Zapisz go ponownie jako zwykły PDF (np. przez „Drukuj do PDF”) "
            "i prześlij jeszcze raz.",
            code="pdf_active_content",
        )


def check_structure(uploaded, kind):
    """Refuse a zip bomb, a PDF that does not parse, or a PDF with active content."""
    if kind == DocumentKind.PDF:
        _check_pdf(uploaded)
    else:
        _check_zip(uploaded)


def check_document(uploaded):
    """Refuse a document that is too large, empty, of no allowed kind or unsafe inside; return its kind."""
    check_size(uploaded)
    kind = detect_kind(uploaded)
    if kind is None:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_format")
    check_structure(uploaded, kind)
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
    check_structure(uploaded, DocumentKind.PDF)


def document_path(instance, filename):
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"dokumenty/{slugify_pl(stem)[:80] or 'dokument'}.pdf"


# Accessibility of a PDF (what the accessibility statement must say of documents that fail).

# Pages read for a text layer: a scan has none on any page, a real document has text on the first.
PDF_TEXT_PAGES = 3
# What a PDF lacks, in the order the public note names it.
PDF_PROBLEMS = {
    "text": "brak warstwy tekstowej (skan)",
    "tagged": "brak znaczników struktury (PDF bez tagów)",
    "language": "nie określono języka dokumentu",
    "title": "brak tytułu dokumentu",
}


def _xmp_title(reader):
    try:
        xmp = reader.xmp_metadata
        titles = xmp.dc_title if xmp is not None else None
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return ""
    return " ".join(str(t) for t in (titles or {}).values()).strip()


def pdf_accessibility_problems(fileobj):
    """Codes from PDF_PROBLEMS of what the PDF lacks for a screen reader ([] when nothing), or None
    when it cannot be read. Cheap: the catalog, the metadata and the first PDF_TEXT_PAGES pages."""
    try:
        fileobj.seek(0)
        reader = PdfReader(fileobj, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        root = reader.trailer["/Root"].get_object()
        mark_info = root.get("/MarkInfo")
        mark_info = mark_info.get_object() if mark_info is not None else {}
        tagged = bool(mark_info.get("/Marked", False)) and "/StructTreeRoot" in root
        language = str(root.get("/Lang") or "").strip()
        metadata = reader.metadata
        title = str((metadata.title if metadata else None) or "").strip() or _xmp_title(reader)
        has_text = False
        for page in reader.pages[:PDF_TEXT_PAGES]:
            if any(char.isalnum() for char in page.extract_text() or ""):
                has_text = True
                break
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    finally:
        fileobj.seek(0)
    missing = {"text": not has_text, "tagged": not tagged, "language": not language, "title": not title}
    return [code for code in PDF_PROBLEMS if missing[code]]


def describe_pdf_problems(codes):
    """„brak warstwy tekstowej (skan), nie określono języka dokumentu”"""
    return ", ".join(PDF_PROBLEMS[code] for code in codes if code in PDF_PROBLEMS)


# The same, short, after „Brak:” in the admin's narrow columns.
PDF_PROBLEMS_SHORT = {"text": "warstwy tekstowej (skan)", "tagged": "tagów", "language": "języka", "title": "tytułu"}


def pdf_verdict(codes):
    """What the admin shows of a PDF's check: „Nie sprawdzono.”, „Dostępny…” or what it lacks."""
    if codes is None:
        return "Nie sprawdzono."
    if not codes:
        return "Dostępny: ma tagi, język, tytuł i tekst."
    return f"Nie w pełni dostępny. Brak: {', '.join(PDF_PROBLEMS_SHORT[c] for c in codes if c in PDF_PROBLEMS_SHORT)}."


def pdf_upload_warning(name, codes):
    """The admin's warning after a PDF that fails the checks is uploaded, or "" for one that passes."""
    if not codes:
        return ""
    fixes = []
    if "text" in codes:
        fixes.append("zamiast skanu opublikuj plik zapisany z edytora tekstu (albo skan po rozpoznaniu tekstu, OCR)")
    if "tagged" in codes:
        fixes.append("przy zapisie do PDF włącz opcję „PDF z tagami” (w Wordzie: „Tagi struktury dokumentu”)")
    if "language" in codes or "title" in codes:
        fixes.append("ustaw tytuł i język dokumentu we właściwościach pliku")
    return (
        f"Dokument „{name}” nie jest w pełni dostępny: {describe_pdf_problems(codes)}. "
        "Na stronie pojawi się przy nim informacja, że na prośbę udostępnimy wersję dostępną. "
        f"Żeby to poprawić, {'; '.join(fixes)} – i prześlij plik ponownie."
    )
