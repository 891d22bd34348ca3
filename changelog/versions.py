"""Full versions of what staff edit, kept by django-reversion: which models, how to compare, how to restore.

Every save in admin (``changelog.history.VersionHistoryAdminMixin``) and every save inside a
``reversion.create_revision()`` block (the demo seeding) stores a version: the object's fields,
and for the agreement and meetings their rows edited on the same page (signatures, agenda).
Photos and documents are files with their own life and are not part of a version; a meeting's
report keeps versions of its own, whichever page it was saved on.

Only reversion's public API is used here: ``register``, ``create_revision``, ``set_user``,
``set_comment``, ``Version.objects.get_for_object`` and ``Version.field_dict``. Restoring sets
the fields on the current object and saves it the ordinary way, so the model's own save()
(sanitizer, thumbnails), the search index and the page cache see an ordinary change.
"""

from dataclasses import dataclass

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone
from reversion.models import Version

from changelog.diff import html_to_text, line_diff, plain_lines
from changelog.metryczka import is_public_now, record_change
from core.templatetags.pl import pl_date, pl_datetime


@dataclass(frozen=True)
class Spec:
    follow: tuple = ()  # reverse foreign keys edited on the same page, kept in each version
    rich: tuple = ()  # CKEditor fields, compared as text
    metryczka: bool = True  # a restore is also written in the public change register


SPECS = {
    "news.post": Spec(rich=("body",)),
    "pages.page": Spec(rich=("body",)),
    "agreement.agreement": Spec(follow=("signatures",), rich=("text",)),
    "meetings.meeting": Spec(follow=("agenda_items",), rich=("description",), metryczka=False),
    "meetings.report": Spec(rich=("body",)),
}
# Rows kept inside their parent's versions.
CHILDREN = ("agreement.signature", "meetings.agendaitem")

EMPTY = "–"


def register_models():
    """Called once from changelog's AppConfig.ready()."""
    for label in CHILDREN:
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model)
    for label, spec in SPECS.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=spec.follow)


def spec_for(model):
    return SPECS[model._meta.label_lower]


def is_versioned(model):
    return model._meta.label_lower in SPECS


def versions_of(obj):
    """Newest first, with who saved each: one query however many there are."""
    return (
        Version.objects.get_for_object(obj).select_related("revision__user").order_by("-revision__date_created", "-pk")
    )


def version_author(version):
    """Who saved a version, as staff know them: their name, or their e-mail address without one."""
    user = version.revision.user
    if user is None:
        return "zapis bez konta (np. dane przykładowe)"
    return user.get_full_name().strip() or user.get_username()


def version_label(version):
    return pl_datetime(timezone.localtime(version.revision.date_created))


# Comparing.


def compared_fields(model):
    """The fields staff edit, in the model's order: no keys, timestamps or derived sizes."""
    fields = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.primary_key or not field.editable:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        fields.append(field)
    return fields


def _key(field):
    return field.attname if not field.many_to_many else field.name


def _related_names(fields, dicts):
    """str() of every related object the versions point at: one query per related model."""
    wanted = {}
    for field in fields:
        if not field.is_relation:
            continue
        for values in dicts:
            value = values.get(_key(field))
            pks = value if field.many_to_many else [value]
            wanted.setdefault(field.related_model, set()).update(pk for pk in pks or [] if pk is not None)
    names = {}
    for model, pks in wanted.items():
        for pk, obj in model._default_manager.in_bulk(list(pks)).items():
            names[(model, str(pk))] = str(obj)
    return names


def display(field, value, names):
    """A field's value as staff read it."""
    if field.many_to_many:
        shown = [names.get((field.related_model, str(pk)), "obiekt już usunięty") for pk in value or []]
        return ", ".join(sorted(shown)) or EMPTY
    if value is None or value == "":
        return EMPTY
    if field.is_relation:
        return names.get((field.related_model, str(value)), "obiekt już usunięty")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "tak" if value else "nie"
    if isinstance(field, models.DateTimeField):
        return pl_datetime(timezone.localtime(value))
    if isinstance(field, models.DateField):
        return pl_date(value)
    if isinstance(field, models.TimeField):
        return value.strftime("%H:%M")
    return str(value)


@dataclass
class Change:
    label: str
    rows: list  # (kind, html) from changelog.diff.line_diff


def _text_of(field, value, names, rich):
    if field.name in rich:
        return html_to_text(value).splitlines()
    shown = display(field, value, names)
    return [] if shown == EMPTY else plain_lines(shown)


def _children(version, obj, name):
    """A followed relation's rows in a version: (their model, the key to the parent, their field values)."""
    relation = obj._meta.get_field(name)
    model, parent = relation.related_model, relation.field
    content_type = ContentType.objects.get_for_model(model)
    rows = [
        v.field_dict
        for v in version.revision.version_set.filter(content_type=content_type)
        if str(v.field_dict.get(parent.attname)) == str(obj.pk)
    ]
    return model, parent, rows


def _child_lines(model, parent, rows, names):
    order = []
    for name in model._meta.ordering:
        name = name.lstrip("-") if isinstance(name, str) else None
        if name == "pk":
            order.append(model._meta.pk.attname)
        elif name:
            try:
                order.append(model._meta.get_field(name).attname)
            except FieldDoesNotExist:
                pass

    def sort_key(values):
        return tuple((values.get(name) is None, values.get(name)) for name in order)

    # The rows are shown in their order, so the ordering numbers themselves are left out.
    fields = [f for f in compared_fields(model) if f.name != parent.name and f.attname not in order]

    lines = []
    for values in sorted(rows, key=sort_key):
        parts = [display(f, values.get(_key(f)), names) for f in fields]
        lines.append(" · ".join(p for p in parts if p != EMPTY))
    return fields, lines


def compare(obj, older, newer):
    """What changed from ``older`` to ``newer`` (two versions of ``obj``): a list of Change."""
    model, spec = type(obj), spec_for(type(obj))
    fields = compared_fields(model)
    dicts = [older.field_dict, newer.field_dict]
    children = {}
    for name in spec.follow:
        child_model, parent, old_rows = _children(older, obj, name)
        _, _, new_rows = _children(newer, obj, name)
        children[name] = (child_model, parent, old_rows, new_rows)
    child_fields = [f for (m, p, _, _) in children.values() for f in compared_fields(m)]
    child_dicts = [d for (_, _, a, b) in children.values() for d in a + b]
    names = _related_names(fields, dicts) | _related_names(child_fields, child_dicts)

    changes = []
    for field in fields:
        old, new = (d.get(_key(field)) for d in dicts)
        if field.many_to_many:
            old, new = sorted(map(str, old or [])), sorted(map(str, new or []))
        if old == new:
            continue
        rows = line_diff(_text_of(field, old, names, spec.rich), _text_of(field, new, names, spec.rich))
        changes.append(Change(str(field.verbose_name), rows))
    for child_model, parent, old_rows, new_rows in children.values():
        _, old_lines = _child_lines(child_model, parent, old_rows, names)
        _, new_lines = _child_lines(child_model, parent, new_rows, names)
        if old_lines != new_lines:
            changes.append(Change(str(child_model._meta.verbose_name_plural), line_diff(old_lines, new_lines)))
    return changes


# Restoring.


class RestoreError(Exception):
    """A version that cannot be restored as it is; the message is Polish and says why."""


class InvalidVersion(RestoreError):
    """A version the admin form would refuse today (an address in use or reserved, a loop…).

    ``reasons`` are Polish sentences, one per problem, as the form would show them.
    """

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("Nie można przywrócić tej wersji: " + " ".join(self.reasons))


def _apply(obj, values, fields, skip, left_out=None):
    """Set ``fields`` of ``obj`` from a version's values; None for vanished optional targets.

    A file no longer in storage is not brought back: the field keeps today's file, and its
    name goes to ``left_out``.
    """
    for field in fields:
        if field.many_to_many or field.name in skip or _key(field) not in values:
            continue
        value = values[_key(field)]
        if isinstance(field, models.FileField) and value and not field.storage.exists(str(value)):
            if left_out is not None and field.editable:
                left_out.append(f"plik w polu „{field.verbose_name}” (nie ma go już na serwerze)")
            continue
        if field.is_relation and value is not None:
            if not field.related_model._default_manager.filter(pk=value).exists():
                if not field.null:
                    raise RestoreError(
                        f"Nie można przywrócić tej wersji: pole „{field.verbose_name}” wskazuje obiekt, "
                        "którego już nie ma."
                    )
                value = None
        setattr(obj, field.attname, value)


def restorable_fields(model):
    """Every stored field but the key and timestamps: derived ones (thumbnails, sizes) return with their files."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    ]


def restore(obj, version, user, *, skip=()):
    """Bring ``obj`` back to ``version`` and save that as a new version; returns what was left out.

    ``skip`` names fields kept as they are now (those the admin shows read-only, such as the
    address of a published post).
    """
    model, spec = type(obj), spec_for(type(obj))
    summary = f"Przywrócenie wersji z {version_label(version)}"
    left_out = []
    with transaction.atomic(), reversion.create_revision():
        was_public = is_public_now(obj)
        values = version.field_dict
        _apply(obj, values, restorable_fields(model), set(skip), left_out)
        _validate(obj, skip)
        obj.save()
        for field in model._meta.many_to_many:
            if field.name in values and field.name not in skip:
                targets = field.related_model._default_manager.filter(pk__in=values[field.name] or [])
                getattr(obj, field.name).set(targets)
        for name in spec.follow:
            left_out += _restore_children(obj, version, name)
        reversion.set_user(user)
        reversion.set_comment(summary)
        if spec.metryczka:
            record_change(obj, user, created=False, was_public=was_public, summary=summary)
    return left_out


def _validate(obj, skip):
    """Check ``obj`` as the admin form does before a save: fields, the model's clean(), unique values.

    Fields kept as they are now and those no form edits (computed addresses, sizes) are left
    out, as the form leaves them out. So are files: a version names files already stored and
    checked on upload, and assigning a cleaned file back to an image field with dimensions
    closes it under the thumbnails made on save.
    """
    exclude = set(skip) | {
        f.name for f in obj._meta.concrete_fields if not f.editable or isinstance(f, models.FileField)
    }
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        raise InvalidVersion(_reasons(obj, error)) from error


def _reasons(obj, error):
    reasons = []
    for name, errors in error.error_dict.items():
        field = None if name == NON_FIELD_ERRORS else obj._meta.get_field(name)
        for item in errors:
            value = getattr(obj, field.attname) if field is not None else None
            other = None
            if item.code == "unique":
                other = type(obj)._default_manager.filter(**{field.name: value}).exclude(pk=obj.pk).first()
            if other is not None:
                reasons.append(
                    f"Pole „{field.verbose_name}” miałoby wartość „{value}”, którą ma już „{other}”. "
                    "Najpierw zmień ją tam."
                )
            else:
                text = " ".join(item.messages)
                reasons.append(text if field is None else f"Pole „{field.verbose_name}”: {text}")
    return reasons


def _restore_children(obj, version, name):
    child_model, parent, rows = _children(version, obj, name)
    fields = [f for f in restorable_fields(child_model) if f.name != parent.name]
    kept, left_out = [], []
    for values in rows:
        pk = child_model._meta.pk.to_python(values[child_model._meta.pk.attname])
        child = child_model._default_manager.filter(pk=pk).first() or child_model(pk=pk)
        setattr(child, parent.attname, obj.pk)
        try:
            with transaction.atomic():
                _apply(child, values, fields, set())
                child.save()
        except RestoreError:
            left_out.append(f"{child_model._meta.verbose_name} (wskazuje usunięty obiekt)")
            continue
        kept.append(pk)
    getattr(obj, name).exclude(pk__in=kept).delete()
    return left_out
