"""ModelAdmin pieces that several apps share."""

import hashlib

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html

EDIT_TOKEN_SALT = "core.admin_mixins.edit-token"


class ReadOnlyAdminMixin:
    """Rows written by the portal itself (logs, registers): staff look, never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SingleRowAdminMixin:
    """A one-row settings model: it can be added once and never deleted.

    Its list would hold one row („1 zestaw danych koordynatora”): the plain address of the list
    opens the row's form instead (a list with filters or a popup stays a list).
    """

    def changelist_view(self, request, extra_context=None):
        row = None if request.GET else self.model.objects.only("pk").first()
        if row is not None:
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", row.pk)
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


def staff_users(*keep_pks):
    """Accounts that may sign content: staff, plus whoever signed it already (they may have left)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    keep = [pk for pk in keep_pks if pk is not None]
    return get_user_model().objects.filter(Q(is_staff=True) | Q(pk__in=keep)).order_by("email", "pk")


class StaffAuthorAdminMixin:
    """The „autor” field lists staff only, never readers' accounts."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "author" in form.base_fields:
            form.base_fields["author"].queryset = staff_users(getattr(obj, "author_id", None))
        return form


class EditConflictAdminMixin:
    """Two people editing one item: the later save is refused, never a silent overwrite.

    The change form carries a signed token of what was saved when the form opened: a short hash
    of each field the form edits and of the rows of each inline, plus the newest saved version.
    A save whose token no longer matches the saved item is refused with a form error; the refused
    form keeps everything typed and its new token holds what is saved now, so a second save,
    made after reading what changed, goes through. Fields the form does not edit (renditions
    made by the worker, the search index) never cause a refusal.
    """

    edit_token_field = "_edit_token"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.pk is None:
            return form
        state = edit_state(self, request, obj, form)
        return type(form.__name__, (EditConflictFormMixin, form), {"saved_state": state, "model_admin": self})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = getattr(context.get("adminform"), "form", None)
        state = getattr(form, "saved_state", None)
        if state is not None:
            context["edit_token"] = signing.dumps(state, salt=EDIT_TOKEN_SALT, compress=True)
            context["edit_token_field"] = self.edit_token_field
        return super().render_change_form(request, context, add, change, form_url, obj)


def _digest(value):
    return hashlib.sha256(repr(value).encode()).hexdigest()[:12]


def _value(field, obj):
    if field.many_to_many:
        return sorted(item.pk for item in field.value_from_object(obj))
    value = field.value_from_object(obj)
    return str(value) if hasattr(value, "name") and hasattr(value, "storage") else value


def _edited_model_fields(model, names):
    """The model's own fields among ``names``, as the form edits them (auto_now dates left out)."""
    fields = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except Exception:  # a form-only field (a checkbox, a password): not stored as such
            continue
        if getattr(field, "concrete", False) and not getattr(field, "auto_now", False):
            fields.append(field)
    return fields


def edit_state(model_admin, request, obj, form):
    """What is saved now of everything this change form edits: {label: hash}, and the newest version."""
    fields = {}
    for field in _edited_model_fields(obj._meta.model, form.base_fields):
        fields[str(field.verbose_name)] = _digest(_value(field, obj))
    for inline in model_admin.get_inline_instances(request, obj):
        model = inline.model
        fk = next(
            (
                f
                for f in model._meta.get_fields()
                if f.many_to_one
                and f.concrete
                and issubclass(obj._meta.model, f.related_model)
                and (inline.fk_name is None or f.name == inline.fk_name)
            ),
            None,
        )
        if fk is None:
            continue
        readonly = set(inline.get_readonly_fields(request, obj))
        names = [name for name in inline.get_fields(request, obj) if name not in readonly]
        edited = ["pk"] + [f.attname for f in _edited_model_fields(model, names) if f != fk]
        rows = list(model._default_manager.filter(**{fk.name: obj}).order_by("pk").values_list(*edited))
        fields[str(model._meta.verbose_name_plural)] = _digest(rows)
    version = None
    if hasattr(model_admin, "newest_version_id"):  # changelog's VersionHistoryAdminMixin
        version = model_admin.newest_version_id(obj)
    return {"fields": fields, "version": version}


class EditConflictFormMixin:
    """The change form's check of the token (EditConflictAdminMixin builds the class)."""

    saved_state = None
    model_admin = None

    def clean(self):
        cleaned_data = super().clean()
        posted = self.data.get(self.model_admin.edit_token_field)
        if posted is None:  # a form from before this check existed: nothing to compare
            return cleaned_data
        try:
            opened = signing.loads(posted, salt=EDIT_TOKEN_SALT)
            opened_fields = dict(opened["fields"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            opened = {"fields": {}, "version": None}
            opened_fields = None
        saved = self.saved_state["fields"]
        if opened_fields is not None and opened_fields == saved:
            return cleaned_data
        changed = [
            label for label, digest in saved.items() if opened_fields is None or opened_fields.get(label) != digest
        ]
        raise forms.ValidationError(conflict_message(self.model_admin, self.instance, changed, opened.get("version")))


def conflict_message(model_admin, obj, changed, opened_version):
    """„Nie zapisano: w czasie edycji zapisano inną wersję…”, with who saved it and what changed."""
    from core.templatetags.pl import pl_datetime

    entry = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )
    who = ""
    if entry is not None:
        user = entry.user
        name = (user.get_full_name() or user.email or user.get_username()) if user else ""
        when = pl_datetime(timezone.localtime(entry.action_time))
        who = format_html(" ({}, {})", name, when) if name else format_html(" ({})", when)
    what = format_html(" Zmieniono w niej: {}.", ", ".join(changed)) if changed else ""
    compare = ""
    if hasattr(model_admin, "newest_version_id"):
        newest = model_admin.newest_version_id(obj)
        if opened_version is not None and newest is not None and newest != opened_version:
            url = model_admin._url("version_compare", obj) + f"?od={opened_version}&do={newest}"
            text = "Porównaj wersję otwartą w tym formularzu z zapisaną"
        else:
            url, text = model_admin._url("history", obj), "Zobacz zapisane wersje w historii zmian"
        compare = format_html(' <a href="{}" target="_blank" rel="noopener">{} (w nowej karcie)</a>.', url, text)
    return format_html(
        "Nie zapisano zmian: w czasie edycji zapisano nowszą wersję{}.{}"
        " Zmiany wpisane w tym formularzu są poniżej, nic nie przepadło.{}"
        " Aby zastąpić zapisaną wersję tą z formularza, sprawdź pola i zapisz ponownie.",
        who,
        what,
        compare,
    )
