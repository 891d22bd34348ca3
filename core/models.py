"""Abstract model bases that several apps share (no tables of their own)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SingleRowModel(models.Model):
    """Settings edited in admin that exist once: the row always has the primary key 1.

    Pair it with ``core.admin_mixins.SingleRowAdminMixin`` in the admin.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The row, created with its defaults the first time it is asked for."""
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj


class LiveManager(models.Manager):
    """Rows not in the trash. The default manager of a ``Trashable`` model, so every page, list,
    feed, sitemap, search and related list (Django builds related managers from it) leaves
    trashed rows out without asking; ``all_objects`` sees them too."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class Trashable(models.Model):
    """Deleting in the admin moves the row to the trash („Kosz”) for ``TRASH_DAYS`` days.

    The row stays where it is, with its relations, files and address; only ``deleted_at`` is
    set. The model declares ``objects = LiveManager.from_queryset(...)()`` first (its default
    manager) and ``all_objects`` after it. The Kosz (adminsite/trash.py) restores a row or deletes
    it for good; the daily duties delete what has been in the trash longer (core/trash.py).
    """

    deleted_at = models.DateTimeField(
        "w koszu od",
        null=True,
        blank=True,
        editable=False,
        help_text="Kiedy przeniesiono do kosza; puste – nie jest w koszu.",
    )
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="przeniesione do kosza przez",
        help_text="Konto pracownika, który przeniósł do kosza (widać je tylko w administracji).",
    )

    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        # No form edits the mark, yet it decides which addresses are taken (the models' conditional
        # UniqueConstraints): Django would skip those checks, and the database would refuse the save.
        super().validate_constraints(exclude=set(exclude or ()) - {"deleted_at"})

    @property
    def in_trash(self):
        return self.deleted_at is not None

    def trash_blockers(self):
        """What must go first before this row may go to the trash (shown as Django's protected objects)."""
        return []

    def restore_problem(self):
        """Why the row cannot come back now, as a Polish sentence, or None."""
        return None

    def move_to_trash(self, user=None):
        self.deleted_at, self.deleted_by = timezone.now(), user
        self.save(update_fields=["deleted_at", "deleted_by"])

    def restore(self):
        self.deleted_at, self.deleted_by = None, None
        self.save(update_fields=["deleted_at", "deleted_by"])
