from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils import timezone


class ChangeRecord(models.Model):
    """One save of a piece of public information in admin: the metryczka's change register.

    Kept by ``changelog.metryczka.MetryczkaAdminMixin``; any model can have them
    (a generic relation), so other apps only add the mixin to their ModelAdmin.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="rodzaj treści")
    object_id = models.PositiveBigIntegerField("identyfikator obiektu")
    object_title = models.CharField(
        "tytuł",
        max_length=300,
        blank=True,
        help_text="Tytuł z chwili zmiany; zostaje, nawet gdy obiekt zmieni tytuł albo zostanie usunięty.",
    )
    content_object = GenericForeignKey("content_type", "object_id")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="autor zmiany",
    )
    editor_name = models.CharField(
        "podpis autora zmiany",
        max_length=200,
        blank=True,
        help_text=(
            "Imię i nazwisko z chwili zmiany; zostaje, nawet gdy konto zostanie usunięte. Puste, gdy konto "
            "nie miało imienia i nazwiska: metryczka pokazuje wtedy te z konta, gdy zostaną uzupełnione."
        ),
    )
    changed_at = models.DateTimeField("data zmiany", default=timezone.now)
    is_creation = models.BooleanField("utworzenie", default=False)
    is_public = models.BooleanField(
        "opublikowane po zmianie",
        default=False,
        help_text="Czy po tej zmianie informacja była opublikowana (także z datą publikacji w przyszłości).",
    )
    is_publication = models.BooleanField(
        "publikacja",
        default=False,
        help_text="Czy ta zmiana opublikowała informację, która wcześniej nie była opublikowana.",
    )
    summary = models.CharField("opis zmiany", max_length=300, blank=True)

    class Meta:
        verbose_name = "zmiana w rejestrze"
        verbose_name_plural = "rejestr zmian (metryczki)"
        ordering = ["changed_at", "pk"]
        indexes = [
            # Each public page reads the register of one object.
            models.Index(fields=["content_type", "object_id", "changed_at"], name="changerecord_object_idx"),
        ]

    def __str__(self):
        who = self.editor_name or "konto bez imienia i nazwiska"
        when = f"{who}, {timezone.localtime(self.changed_at):%d.%m.%Y %H:%M}"
        return f"„{self.object_title}”: {when}" if self.object_title else when
