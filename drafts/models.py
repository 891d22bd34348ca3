"""What the admin keeps so that staff never lose work (see drafts/admin.py).

Both tables hold working copies, never content: the daily duties (`manage.py daily`) delete a
draft DRAFT_DAYS after its last autosave and a kept file KEPT_FILE_HOURS after it was kept.
PreviewLink is no working copy but the record of a link shared with someone without an account
(drafts/previews.py): the daily duties delete it PREVIEW_LINK_KEEP_DAYS after it expired or was
revoked.
"""

import datetime
import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

DRAFT_DAYS = 30
KEPT_FILE_HOURS = 24


class Draft(models.Model):
    """The unsaved state of one admin form, autosaved for its user while they type."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="admin_drafts",
        verbose_name="osoba",
        help_text="Kto pisał: szkic widzi tylko ta osoba.",
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        verbose_name="rodzaj treści",
        help_text="Model, którego formularz zapisano.",
    )
    object_id = models.CharField(
        "identyfikator obiektu",
        max_length=64,
        blank=True,
        help_text="Puste – formularz dodawania nowego obiektu.",
    )
    fields = models.JSONField(
        "pola formularza",
        default=list,
        help_text="Pary [nazwa pola, wartość] w kolejności formularza (bez plików).",
    )
    edit_token = models.TextField(
        "stan przy otwarciu",
        blank=True,
        help_text="Znacznik zapisanej wersji, od której zaczęto pisać: zapis przywróconego szkicu po "
        "cudzej zmianie zostanie wstrzymany z ostrzeżeniem.",
    )
    saved_at = models.DateTimeField("przechowano", help_text="Czas ostatniego automatycznego zapisu.")

    class Meta:
        verbose_name = "szkic formularza"
        verbose_name_plural = "szkice formularzy"
        default_permissions = ()  # each person's own; no admin page lists them
        ordering = ["-saved_at"]
        constraints = [
            # One draft per person and form: each autosave replaces the previous one.
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="drafts_one_per_user_and_form"),
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id or '(nowy)'}, {self.saved_at:%Y-%m-%d %H:%M}"


class KeptFile(models.Model):
    """A file chosen in a form that was refused: kept so that it need not be chosen again."""

    path = models.CharField(
        "ścieżka w magazynie plików",
        max_length=300,
        unique=True,
        help_text="Kopia pliku w katalogu przechowane/ magazynu plików.",
    )
    name = models.CharField("nazwa pliku", max_length=250, help_text="Nazwa pliku na komputerze osoby wysyłającej.")
    kept_at = models.DateTimeField("przechowano", auto_now_add=True, help_text="Kiedy formularz z plikiem odrzucono.")

    class Meta:
        verbose_name = "przechowany plik"
        verbose_name_plural = "przechowane pliki"
        default_permissions = ()  # working copies the portal manages itself
        ordering = ["-kept_at"]

    def __str__(self):
        return self.name


# Days a preview link may be valid for, offered in the admin's „Linki do podglądu” box.
PREVIEW_DAYS_CHOICES = (1, 3, 7, 14)
# Days an expired or revoked preview link is kept (who shared what, and until when) before the
# daily duties delete it.
PREVIEW_LINK_KEEP_DAYS = 30


def hash_preview_token(token):
    """The stored form of a preview token: its SHA-256, so the table alone opens no preview."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


class PreviewLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())

    def past_keeping(self, now=None):
        """Links expired or revoked more than PREVIEW_LINK_KEEP_DAYS ago."""
        before = (now or timezone.now()) - datetime.timedelta(days=PREVIEW_LINK_KEEP_DAYS)
        return self.filter(models.Q(expires_at__lt=before) | models.Q(revoked_at__lt=before))


class PreviewLink(models.Model):
    """A link to the saved state of one post, page, meeting or report, for someone without an account.

    Only the hash of its random token is stored: the full address is shown to staff once,
    right after the link is made (drafts/previews.py).
    """

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        verbose_name="rodzaj treści",
        help_text="Model podglądanej treści (wpis, strona, spotkanie, relacja).",
    )
    object_id = models.CharField("identyfikator obiektu", max_length=64, help_text="Klucz podglądanej treści.")
    token_hash = models.CharField(
        "skrót tokenu",
        max_length=64,
        unique=True,
        help_text="SHA-256 tokenu z adresu linku; samego tokenu się nie przechowuje.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="utworzony przez",
        help_text="Konto osoby, która utworzyła link.",
    )
    created_at = models.DateTimeField("utworzono", help_text="Kiedy utworzono link.")
    expires_at = models.DateTimeField("ważny do", help_text="Po tej chwili link pokazuje stronę „Link wygasł”.")
    revoked_at = models.DateTimeField(
        "unieważniono",
        null=True,
        blank=True,
        help_text="Kiedy link unieważniono; puste – nie unieważniono.",
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = "link do podglądu"
        verbose_name_plural = "linki do podglądu"
        default_permissions = ()  # managed from the change form of what they show
        ordering = ["expires_at", "pk"]
        indexes = [
            # The box in a change form lists the links of one object.
            models.Index(fields=["content_type", "object_id"], name="drafts_preview_target_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="drafts_preview_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}, do {self.expires_at:%Y-%m-%d %H:%M}"

    def is_usable(self, now=None):
        return self.revoked_at is None and self.expires_at > (now or timezone.now())
