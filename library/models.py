"""The library of documents staff attach to posts and pages („Biblioteka dokumentów”).

A document keeps one public address, /dokumenty/<slug>.<ext>, for as long as it exists: „Zastąp
plik” in the admin stores a new file and the address serves it, so posts that link the old
address keep working. The file itself is stored under a readable name made from the title
(dokumenty/uchwala-nr-5-2025.pdf); a replacement that cannot take the same name (the old file is
still stored until the save commits) takes the next free one (uchwala-nr-5-2025-2.pdf).
"""

import functools
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone

from core.documents import (
    DocumentKind,
    check_document,
    describe_pdf_problems,
    detect_kind,
    pdf_accessibility_problems,
)
from core.images import EDITOR_DIR, EDITOR_IMAGE_WIDTHS, editor_image_names
from core.text import slugify_pl, unique_slug

# The kinds an office publishes in posts and pages (presentations stay with meetings).
LIBRARY_KINDS = [DocumentKind.PDF, DocumentKind.DOCX, DocumentKind.ODT, DocumentKind.XLSX, DocumentKind.ODS]
KIND_LIST = f"{', '.join(k.label for k in LIBRARY_KINDS[:-1])} lub {LIBRARY_KINDS[-1].label}"
# What a browser is told each kind is.
CONTENT_TYPES = {
    DocumentKind.PDF: "application/pdf",
    DocumentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentKind.ODT: "application/vnd.oasis.opendocument.text",
    DocumentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    DocumentKind.ODS: "application/vnd.oasis.opendocument.spreadsheet",
}
FOLDER = "dokumenty"
SLUG_LENGTH = 80


def check_library_document(uploaded):
    """The meeting documents' checks (core/documents.py), then the library's kinds; returns the kind."""
    kind = check_document(uploaded)
    if kind not in LIBRARY_KINDS:
        raise ValidationError(
            "Biblioteka przyjmuje tylko dokumenty %(kinds)s, a ten plik to %(kind)s.",
            code="kind_not_in_library",
            params={"kinds": KIND_LIST, "kind": DocumentKind(kind).label},
        )
    return kind


def validate_library_document(uploaded):
    """A model-field validator: the checks of a new upload; a stored file passes."""
    if getattr(uploaded, "_committed", False):
        return
    check_library_document(uploaded)


def slug_source(title):
    """„Uchwała nr 5/2025” → „Uchwała nr 5 2025”: numbers split by a slash stay apart in the address."""
    text = re.sub(r"[/\\._]+", " ", title)
    return text if slugify_pl(text) else "dokument"


def document_file_name(instance, filename):
    """„dokumenty/uchwala-nr-5-2025.pdf”, or „…-2.pdf” and on while the name is taken."""
    storage = instance.file.storage
    stem = f"{FOLDER}/{instance.slug}"
    name, n = f"{stem}.{instance.kind}", 2
    while storage.exists(name):
        name = f"{stem}-{n}.{instance.kind}"
        n += 1
    return name


class DocumentQuerySet(models.QuerySet):
    def used(self):
        attached = models.Q(post_attachments__isnull=False) | models.Q(page_attachments__isnull=False)
        return self.filter(attached).distinct()

    def unused(self):
        return self.filter(post_attachments__isnull=True, page_attachments__isnull=True)


class Document(models.Model):
    Kind = DocumentKind

    title = models.CharField(
        "tytuł",
        max_length=250,
        help_text="Tak, jak ma się pokazać przy wpisie, np. „Regulamin naboru wniosków 2026”.",
    )
    slug = models.SlugField(
        "adres (slug)",
        max_length=SLUG_LENGTH,
        unique=True,
        editable=False,
        help_text="Tworzony z tytułu przy dodaniu i potem już stały: stąd adres /dokumenty/….",
    )
    file = models.FileField(
        "plik",
        upload_to=document_file_name,
        max_length=250,
        validators=[validate_library_document],
        help_text=f"{KIND_LIST}. Rodzaj jest sprawdzany po zawartości pliku.",
    )
    kind = models.CharField("rodzaj", max_length=10, choices=DocumentKind.choices, editable=False)
    size = models.PositiveBigIntegerField("rozmiar (bajty)", default=0, editable=False)
    pdf_problems = ArrayField(
        models.CharField(max_length=20),
        verbose_name="braki dostępności PDF",
        null=True,
        blank=True,
        editable=False,
        help_text="Puste – dokument dostępny; brak wartości – nie sprawdzono (albo to nie PDF).",
    )
    uploaded_at = models.DateTimeField(
        "dodano", default=timezone.now, editable=False, help_text="Kiedy dokument trafił do biblioteki."
    )
    replaced_at = models.DateTimeField(
        "plik zastąpiono",
        null=True,
        blank=True,
        editable=False,
        help_text="Kiedy ostatnio zastąpiono plik; puste – plik z dodania.",
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "dokument"
        verbose_name_plural = "dokumenty"
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.label})" if self.kind else self.title

    def save(self, *args, **kwargs):
        replaced = getattr(self, "_stored_file", None)
        new_file = bool(self.file) and not self.file._committed
        if new_file:
            self.kind = detect_kind(self.file) or self.kind
            self.size = self.file.size
            self.pdf_problems = pdf_accessibility_problems(self.file) if self.kind == DocumentKind.PDF else None
            if replaced:
                self.replaced_at = timezone.now()
        if not self.slug:
            self.slug = unique_slug(Document, slug_source(self.title), max_length=SLUG_LENGTH)
        super().save(*args, **kwargs)
        self._stored_file = self.file.name
        if new_file and replaced and replaced != self.file.name:
            transaction.on_commit(functools.partial(self.file.storage.delete, replaced))

    def get_absolute_url(self):
        return reverse("library:document", kwargs={"slug": self.slug, "ext": self.kind})

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        document = super().from_db(db, field_names, values, **kwargs)
        document._stored_file = document.__dict__.get("file")
        return document

    @property
    def download_name(self):
        """The name a reader's browser saves the file under: „uchwala-nr-5-2025.pdf”."""
        return f"{self.slug}.{self.kind}"

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.kind, "application/octet-stream")

    @property
    def changed_at(self):
        """When the file now served was stored."""
        return self.replaced_at or self.uploaded_at

    @property
    def label(self):
        """„PDF, 120,5 KB”"""
        return f"{self.get_kind_display()}, {filesizeformat(self.size)}"

    @property
    def accessibility_problems(self):
        """„brak warstwy tekstowej (skan), …” for a PDF that fails the checks, else ""."""
        return describe_pdf_problems(self.pdf_problems or [])


class Attachment(models.Model):
    """A document of the library listed under a post or a page („Załączniki”), in the order staff set.

    Each kind names its owner and its ``document`` (with a reverse name of its own, which the
    library's „Gdzie użyto” follows), and adds its owner to the uniqueness of the pair.
    """

    position = models.PositiveSmallIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wyżej.")

    class Meta:
        abstract = True
        verbose_name = "załącznik"
        verbose_name_plural = "załączniki"
        ordering = ["position", "pk"]


@receiver(post_delete, sender=Document)
def _delete_document_file(sender, instance, **kwargs):
    if instance.file:
        transaction.on_commit(functools.partial(instance.file.storage.delete, instance.file.name))


def size_at_address(path):
    """The size of the document at „/dokumenty/<slug>.<ext>”, or None (for the content checks)."""
    match = re.fullmatch(r"/dokumenty/([-a-z0-9]+)\.[a-z0-9]{2,5}", path)
    if match is None:
        return None
    return Document.objects.filter(slug=match[1]).values_list("size", flat=True).first()


def image_title(upload_name):
    """„sala_obrad.JPG” → „Sala obrad”: the title an image uploaded in the editor starts with."""
    stem = re.sub(r"[-_.\s]+", " ", upload_name.rsplit(".", 1)[0]).strip()
    return (stem[:1].upper() + stem[1:])[:250] or "Obraz"


class ImageQuerySet(models.QuerySet):
    def used(self):
        return self.filter(uses__isnull=False).distinct()

    def unused(self):
        return self.filter(uses__isnull=True)


class Image(models.Model):
    """An image put into rich text in the editor („Biblioteka obrazów”).

    Its files stay where the editor stored them (core.images.editor_image_files): the largest
    copy under ``file`` and a narrower copy for each width of EDITOR_IMAGE_WIDTHS, their names
    carrying their widths. „Zastąp plik” writes new pictures under the same names, so every
    text that shows the image shows the new one.
    """

    title = models.CharField(
        "tytuł", max_length=250, help_text="Po nim obraz można znaleźć w bibliotece, np. „Sala obrad”."
    )
    alt = models.CharField(
        "tekst alternatywny",
        max_length=250,
        blank=True,
        help_text="Podpowiedź przy ponownym użyciu: co widać na obrazie, dla osób, które go nie widzą.",
    )
    file = models.CharField(
        "plik",
        max_length=250,
        unique=True,
        editable=False,
        help_text="Nazwa największej kopii w magazynie plików, np. editor/sala-obrad-3f9a0c-1600w.jpg.",
    )
    width = models.PositiveIntegerField("szerokość (piksele)", editable=False)
    height = models.PositiveIntegerField("wysokość (piksele)", editable=False)
    size = models.PositiveBigIntegerField("rozmiar (bajty)", default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="przesłano z konta",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="Konto, z którego przesłano obraz.",
    )
    uploaded_at = models.DateTimeField(
        "dodano", default=timezone.now, editable=False, help_text="Kiedy obraz trafił do biblioteki."
    )
    replaced_at = models.DateTimeField(
        "plik zastąpiono",
        null=True,
        blank=True,
        editable=False,
        help_text="Kiedy ostatnio zastąpiono plik; puste – plik z dodania.",
    )

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = "obraz"
        verbose_name_plural = "obrazy"
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def url(self):
        return default_storage.url(self.file)

    @property
    def file_names(self):
        """Every stored file of the image, the largest first."""
        return editor_image_names(self.file)

    @property
    def thumbnail_url(self):
        """The narrowest copy (480 px), or the image itself when it has none."""
        return default_storage.url(self.file_names[1] if self.file_names[1:] else self.file)

    @property
    def thumbnail_width(self):
        copies = [size for size in EDITOR_IMAGE_WIDTHS if size < self.width] if self.file_names[1:] else []
        return min(copies, default=self.width)

    @property
    def thumbnail_height(self):
        return max(1, round(self.height * self.thumbnail_width / self.width)) if self.width else self.height

    @property
    def is_editor_image(self):
        return self.file.startswith(EDITOR_DIR)


class ImageUse(models.Model):
    """A saved text that shows an image: kept by library.uses when a registered model is saved."""

    image = models.ForeignKey(Image, verbose_name="obraz", on_delete=models.CASCADE, related_name="uses")
    content_type = models.ForeignKey(ContentType, verbose_name="rodzaj treści", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField("identyfikator treści")
    title = models.CharField(
        "nazwa treści", max_length=300, help_text="Jak treść nazywała się przy ostatnim zapisie (do listy użyć)."
    )

    class Meta:
        verbose_name = "użycie obrazu"
        verbose_name_plural = "użycia obrazów"
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["image", "content_type", "object_id"], name="image_use_once"),
        ]
        # Refreshing a text's uses deletes them by the text; the unique index leads with the image.
        indexes = [models.Index(fields=["content_type", "object_id"], name="image_use_by_text")]

    def __str__(self):
        return self.title


@receiver(post_delete, sender=Image)
def _delete_image_files(sender, instance, **kwargs):
    for name in instance.file_names:
        transaction.on_commit(functools.partial(default_storage.delete, name))
