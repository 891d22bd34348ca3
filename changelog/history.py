"""The admin's history of a versioned object: every version, a comparison of any two, a restore.

A ModelAdmin of a model listed in ``changelog.versions.SPECS`` inherits
``VersionHistoryAdminMixin``: its saves (the change form and list_editable) keep a version, its
„Historia” page lists the versions, and two more pages compare and restore them:

- ``<id>/history/``                         who saved which version, when, and what changed;
- ``<id>/history/compare/?od=<v>&do=<v>``   the difference between two versions;
- ``<id>/history/<v>/restore/``             GET asks for confirmation, POST restores.
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from reversion.errors import RevertError

from changelog.metryczka import changed_fields, describe_form_changes
from changelog.versions import (
    InvalidVersion,
    RestoreError,
    compare,
    restore,
    version_author,
    version_label,
    versions_of,
)

VERSIONS_PER_PAGE = 50
UNREADABLE = "Tej wersji nie da się już odczytać: zapisano ją w układzie danych, którego portal już nie używa."


class VersionHistoryAdminMixin:
    history_template = "admin/changelog/version_history.html"
    compare_template = "admin/changelog/version_compare.html"
    restore_template = "admin/changelog/version_restore.html"

    # Saving keeps a version.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method != "POST":
            return super().changelist_view(request, extra_context)
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Zmiana na liście")
            return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if reversion.is_active():
            reversion.set_comment(describe_form_changes(form, not change))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change or not reversion.is_active():
            return
        # „Zmiana: Tytuł, program spotkania”: the model's fields, then the rows edited on the page.
        model_fields = {field.name for field in form._meta.model._meta.get_fields()}
        labels = [str(form.fields[name].label or name) for name in changed_fields(form) if name in model_fields]
        for formset in formsets:
            if formset.has_changed():
                opts = formset.model._meta
                labels.append(str(opts.verbose_name if formset.max_num == 1 else opts.verbose_name_plural))
        if labels:
            reversion.set_comment("Zmiana: " + ", ".join(labels))

    # Pages.

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.version_compare_view),
                name="{}_{}_version_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.version_restore_view),
                name="{}_{}_version_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def newest_version_id(self, obj):
        """The id of the object's newest version (the edit check of core/admin_mixins.py asks)."""
        return versions_of(obj).values_list("pk", flat=True).first()

    def _url(self, name, obj, *args):
        info = self.opts.app_label, self.opts.model_name
        return reverse(
            f"admin:{info[0]}_{info[1]}_{name}", args=[quote(obj.pk), *args], current_app=self.admin_site.name
        )

    def _object_for(self, request, object_id, *, change):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return None
        if change:
            allowed = self.has_change_permission(request, obj)
        else:
            allowed = self.has_view_or_change_permission(request, obj)
        if not allowed:
            raise PermissionDenied
        return obj

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "history_url": self._url("history", obj),
            "change_url": self._url("change", obj),
            "can_restore": self.has_change_permission(request, obj),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self._object_for(request, object_id, change=False)
        if obj is None:
            return self.missing_object_redirect(request, self.opts, object_id)
        return self._history(request, obj, extra_context=extra_context)

    def _history(self, request, obj, *, error="", status=200, extra_context=None):
        paginator = Paginator(versions_of(obj), VERSIONS_PER_PAGE)
        page = paginator.get_page(request.GET.get("strona"))
        versions = list(page.object_list)
        for position, version in enumerate(versions, start=page.start_index()):
            version.number = paginator.count - position + 1
            version.author = version_author(version)
            version.label = version_label(version)
            version.restore_url = self._url("version_restore", obj, version.pk)
        newest_id = versions[0].pk if page.number == 1 and versions else None
        context = self._context(
            request,
            obj,
            f"Historia zmian: {obj}",
            versions=versions,
            page=page,
            total=paginator.count,
            newest_id=newest_id,
            selected_older=versions[1].pk if newest_id and len(versions) > 1 else None,
            compare_url=self._url("version_compare", obj),
            error=error,
            **(extra_context or {}),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.history_template, context, status=status)

    def _chosen_versions(self, obj, *ids):
        """The versions of ``obj`` with these ids, oldest first; None when any is not one of them."""
        try:
            wanted = [int(i) for i in ids]
        except (TypeError, ValueError):
            return None
        found = {v.pk: v for v in versions_of(obj).filter(pk__in=wanted)}
        if len(found) != len(set(wanted)):
            return None
        return sorted(found.values(), key=lambda v: (v.revision.date_created, v.pk))

    def version_compare_view(self, request, object_id):
        obj = self._object_for(request, object_id, change=False)
        if obj is None:
            return self.missing_object_redirect(request, self.opts, object_id)
        ids = request.GET.get("od"), request.GET.get("do")
        chosen = self._chosen_versions(obj, *ids)
        if chosen is None:
            error = "Nie znaleziono wybranych wersji. Wybierz je w tabeli poniżej."
            return self._history(request, obj, error=error, status=400)
        if len(chosen) != 2:
            return self._history(request, obj, error="Do porównania wybierz dwie różne wersje.", status=400)
        older, newer = chosen
        for version in chosen:
            version.number = versions_of(obj).filter(pk__lte=version.pk).count()
            version.author = version_author(version)
            version.label = version_label(version)
            version.restore_url = self._url("version_restore", obj, version.pk)
        try:
            changes = compare(obj, older, newer)
        except RevertError:
            return self._history(request, obj, error=UNREADABLE, status=409)
        context = self._context(
            request,
            obj,
            f"Porównanie wersji: {obj}",
            older=older,
            newer=newer,
            changes=changes,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def version_restore_view(self, request, object_id, version_id):
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        return _restore_view(self, request, object_id, version_id)


def _restore_view(model_admin, request, object_id, version_id):
    obj = model_admin._object_for(request, object_id, change=True)
    if obj is None:
        return model_admin.missing_object_redirect(request, model_admin.opts, object_id)
    chosen = model_admin._chosen_versions(obj, version_id)
    if chosen is None:
        return model_admin._history(
            request, obj, error="Nie znaleziono tej wersji. Wybierz wersję w tabeli poniżej.", status=404
        )
    version = chosen[0]
    version.author, version.label = version_author(version), version_label(version)
    version.number = versions_of(obj).filter(pk__lte=version.pk).count()
    newest = versions_of(obj).first()
    errors, status = [], 200
    if request.method == "POST":
        skip = list(model_admin.get_readonly_fields(request, obj))
        try:
            left_out = restore(obj, version, request.user, skip=skip)
        except InvalidVersion as error:
            # Nothing was saved; the confirmation page again, with what stands in the way.
            obj.refresh_from_db()
            errors, status = error.reasons, 409
        except RestoreError as error:
            messages.error(request, str(error))
            return redirect(model_admin._url("history", obj))
        except RevertError:
            messages.error(request, UNREADABLE)
            return redirect(model_admin._url("history", obj))
        else:
            text = f"Przywrócono wersję z {version.label}; zapisano ją jako nową wersję."
            if left_out:
                text += " Nie przywrócono: " + ", ".join(map(str, left_out)) + "."
            messages.success(request, text)
            return redirect(model_admin._url("history", obj))
    try:
        changes = compare(obj, newest, version) if newest and newest.pk != version.pk else []
    except RevertError:
        return model_admin._history(request, obj, error=UNREADABLE, status=409)
    context = model_admin._context(
        request,
        obj,
        "Czy przywrócić tę wersję?",
        version=version,
        newest=newest,
        changes=changes,
        is_newest=newest is not None and newest.pk == version.pk,
        kept=[str(f.verbose_name) for f in _readonly_model_fields(model_admin, request, obj)],
        errors=errors,
    )
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, model_admin.restore_template, context, status=status)


def _readonly_model_fields(model_admin, request, obj):
    names = set(model_admin.get_readonly_fields(request, obj))
    return [f for f in obj._meta.concrete_fields if f.name in names and f.editable]
