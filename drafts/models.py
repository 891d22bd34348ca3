"""What the admin keeps so that staff never lose work (see drafts/admin.py).

Both tables hold working copies, never content: the daily duties (`manage.py daily`) delete a
draft DRAFT_DAYS after its last autosave and a kept file KEPT_FILE_HOURS after it was kept.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

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
