"""Metryczka: who produced and published a piece of public information, and when it changed.

An app shows it in three steps:
1. its ModelAdmin inherits ``MetryczkaAdminMixin`` (every save in admin is recorded);
2. its view passes ``metryczka_for(obj)`` to the template (one query), or, on a page already at its
   query budget, annotates its main query with ``metryczka_subquery`` and passes ``metryczka_from_rows``;
3. its template includes ``includes/metryczka.html``.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models.functions import JSONObject

from changelog.models import ChangeRecord
from core.publishing import is_published

PORTAL_EDITORS = "Redakcja portalu"


def editor_signature(user):
    """The name shown publicly: the staff member's full name, never their e-mail address."""
    if user is None:
        return PORTAL_EDITORS
    return user.get_full_name().strip() or PORTAL_EDITORS


@dataclass
class Metryczka:
    records: list = field(default_factory=list)

    @property
    def created(self):
        return next((r for r in self.records if r.is_creation), self.records[0] if self.records else None)

    @property
    def published(self):
        return next((r for r in self.records if r.is_public), None)

    @property
    def producer_name(self):
        return self.created.editor_name if self.created else PORTAL_EDITORS

    @property
    def publisher_name(self):
        return self.published.editor_name if self.published else self.producer_name

    @property
    def last_change(self):
        return self.records[-1] if len(self.records) > 1 else None

    @property
    def earlier(self):
        """The register, newest first."""
        return list(reversed(self.records))


def metryczka_for(obj):
    """Load the register of one object in a single query (no ContentType cache involved)."""
    meta = obj._meta
    records = ChangeRecord.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=obj.pk
    ).only("editor_name", "changed_at", "is_creation", "is_public", "summary")
    return Metryczka(records=list(records))


RECORD_FIELDS = ("editor_name", "changed_at", "is_creation", "is_public", "summary")


def metryczka_subquery(model, object_id):
    """The register of one object as an annotation (a JSON array): no query of its own.

    ``object_id`` is an expression of the outer query, e.g. ``OuterRef("report__pk")``.
    """
    meta = model._meta
    records = ChangeRecord.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=object_id
    ).order_by("changed_at", "pk")
    return ArraySubquery(records.values(json=JSONObject(**{name: name for name in RECORD_FIELDS})))


def metryczka_from_rows(rows):
    """The Metryczka of the rows a ``metryczka_subquery`` annotation brought (None: no records)."""
    records = []
    for row in rows or []:
        record = ChangeRecord(**{name: row[name] for name in RECORD_FIELDS})
        record.changed_at = datetime.datetime.fromisoformat(row["changed_at"])
        records.append(record)
    return Metryczka(records=records)


def record_change(obj, user, *, created, summary=""):
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        object_title=str(obj)[:300],
        editor=user,
        editor_name=editor_signature(user),
        is_creation=created,
        is_public=is_published(obj, scheduled=True),
        summary=summary[:300],
    )


def forget_changes(model, pks):
    """Delete the register of deleted objects (a model or an instance of it)."""
    ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False), object_id__in=pks
    ).delete()


def describe_form_changes(form, created):
    if created:
        return "Utworzenie"
    labels = [str(form.fields[name].label or name) for name in form.changed_data if name in form.fields]
    if not labels:
        return "Zapis bez zmian w treści"
    return "Zmiana: " + ", ".join(labels)


class MetryczkaAdminMixin:
    """Records every add and change made through this ModelAdmin in the metryczka's register."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record_change(obj, request.user, created=not change, summary=describe_form_changes(form, not change))

    def delete_model(self, request, obj):
        self._forget_records([obj.pk], obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._forget_records(list(queryset.values_list("pk", flat=True)), queryset.model)
        super().delete_queryset(request, queryset)

    def _forget_records(self, pks, model):
        forget_changes(model, pks)
