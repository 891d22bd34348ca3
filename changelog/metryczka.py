"""Metryczka: who produced and published a piece of public information, and when it changed.

An app shows it in three steps:
1. its ModelAdmin inherits ``MetryczkaAdminMixin`` (every save in admin is recorded);
2. its view passes ``metryczka_for(obj)`` to the template (one query), or, on a page already at its
   query budget, annotates its main query with ``metryczka_subquery`` and passes ``metryczka_from_rows``;
3. its template includes ``includes/metryczka.html``.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models.functions import JSONObject
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.models import ChangeRecord
from core.markup import MarkupTooComplex
from core.publishing import is_published
from core.sanitize import clean_html


def editor_signature(user):
    """The name shown publicly: the staff member's full name, never their e-mail address.

    An account without a name signs nothing (""): the metryczka then shows the name once the
    account has one, and until then the office (the admin's dashboard asks for the names).
    """
    if user is None:
        return ""
    return user.get_full_name().strip()


def _sign(record, first_name="", last_name=""):
    """Who made a change, as the page shows it: the name kept then, else the account's name now."""
    record.signature = record.editor_name or f"{first_name or ''} {last_name or ''}".strip()
    return record


@dataclass
class Metryczka:
    """The register of one object, oldest first; names are "" where no person is known.

    Only a record of the creation names who produced the information, and only a record that made
    it public names who published it: content made outside the admin (the demo) has neither, and
    its first edit or a move of a page makes nobody its author.
    """

    records: list = field(default_factory=list)

    @property
    def created(self):
        return next((r for r in self.records if r.is_creation), None)

    @property
    def published(self):
        return next((r for r in self.records if r.is_publication), None)

    @property
    def producer_name(self):
        return self.created.signature if self.created else ""

    @property
    def publisher_name(self):
        return self.published.signature if self.published else ""

    @property
    def last_change(self):
        """The newest change after the creation (None: never changed in the admin)."""
        last = self.records[-1] if self.records else None
        return None if last is None or last.is_creation else last

    @property
    def earlier(self):
        """The register, newest first."""
        return list(reversed(self.records))


RECORD_FIELDS = ("editor_name", "changed_at", "is_creation", "is_public", "is_publication", "summary")


def metryczka_for(obj):
    """Load the register of one object in a single query (no ContentType cache involved)."""
    meta = obj._meta
    records = (
        ChangeRecord.objects.filter(
            content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=obj.pk
        )
        .select_related("editor")
        .only(*RECORD_FIELDS, "editor__first_name", "editor__last_name")
    )
    return Metryczka(
        records=[_sign(r, *((r.editor.first_name, r.editor.last_name) if r.editor else ())) for r in records]
    )


def metryczka_subquery(model, object_id):
    """The register of one object as an annotation (a JSON array): no query of its own.

    ``object_id`` is an expression of the outer query, e.g. ``OuterRef("report__pk")``.
    """
    meta = model._meta
    records = ChangeRecord.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=object_id
    ).order_by("changed_at", "pk")
    values = {name: name for name in RECORD_FIELDS}
    values |= {"first_name": "editor__first_name", "last_name": "editor__last_name"}
    return ArraySubquery(records.values(json=JSONObject(**values)))


def metryczka_from_rows(rows):
    """The Metryczka of the rows a ``metryczka_subquery`` annotation brought (None: no records)."""
    records = []
    for row in rows or []:
        record = ChangeRecord(**{name: row[name] for name in RECORD_FIELDS})
        record.changed_at = datetime.datetime.fromisoformat(row["changed_at"])
        records.append(_sign(record, row["first_name"], row["last_name"]))
    return Metryczka(records=records)


def is_public_now(obj):
    """Whether ``obj`` is public as the database holds it: ask before saving a change."""
    return obj.pk is not None and is_published(obj, scheduled=True)


def record_change(obj, user, *, created, was_public=False, summary=""):
    """Write one change in the register; ``was_public``: the object was public before it."""
    is_public = is_published(obj, scheduled=True)
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        object_title=str(obj)[:300],
        editor=user,
        editor_name=editor_signature(user),
        is_creation=created,
        is_public=is_public,
        is_publication=is_public and not was_public,
        summary=summary[:300],
    )


def forget_changes(model, pks):
    """Delete the register of deleted objects (a model or an instance of it)."""
    ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False), object_id__in=pks
    ).delete()


# Spaces around block tags mean nothing to a reader: CKEditor writes none, seeded or pasted text may.
_BLOCK_SPACE_RE = re.compile(
    r"\s*(</?(?:p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|caption|hr|br)"
    r"\b[^>]*>)\s*"
)


def as_read(html):
    """Rich text as it is stored and read: cleaned, with insignificant spaces dropped."""
    try:
        html = clean_html(html or "")
    except MarkupTooComplex:
        pass
    return _BLOCK_SPACE_RE.sub(r"\1", " ".join(html.replace("&nbsp;", " ").replace("\xa0", " ").split()))


def changed_fields(form):
    """The fields a saved form really changed.

    ``form.changed_data`` compares what the browser sent: CKEditor sends the same text in its own
    markup (no line breaks, its own spaces), so a rich-text field counts only when the cleaned
    text differs from the stored one.
    """
    names = []
    for name in form.changed_data:
        field = form.fields.get(name)
        if field is None:
            continue
        if isinstance(field.widget, CKEditor5Widget) and as_read(form.initial.get(name)) == as_read(
            form.cleaned_data.get(name)
        ):
            continue
        names.append(name)
    return names


def describe_form_changes(form, created):
    if created:
        return "Utworzenie"
    labels = [str(form.fields[name].label or name) for name in changed_fields(form)]
    if not labels:
        return "Zapis bez zmian w treści"
    return "Zmiana: " + ", ".join(labels)


class MetryczkaAdminMixin:
    """Records every add and change made through this ModelAdmin in the metryczka's register."""

    def save_model(self, request, obj, form, change):
        was_public = change and is_public_now(obj)
        super().save_model(request, obj, form, change)
        record_change(
            obj,
            request.user,
            created=not change,
            was_public=was_public,
            summary=describe_form_changes(form, not change),
        )

    def delete_model(self, request, obj):
        self._forget_records([obj.pk], obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._forget_records(list(queryset.values_list("pk", flat=True)), queryset.model)
        super().delete_queryset(request, queryset)

    def _forget_records(self, pks, model):
        forget_changes(model, pks)
