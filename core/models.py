"""Abstract model bases that several apps share (no tables of their own)."""

from django.db import models


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
