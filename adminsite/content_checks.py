"""Content checks in the admin: every CKEditor 5 field of every form is checked on save.

The rules live in core/content_checks.py. Here the portal's admin site (sites.py) puts
ContentChecksAdminMixin in front of every ModelAdmin and inline, so a new rich-text field is
checked without anyone remembering to: refusals become errors of the field (the form comes
back with everything typed), warnings become admin messages after the save. Beside each
editor a panel lists the findings of the text as it stands; static/js/admin-content-checks.js
refreshes it while staff type, through content_checks_view (for staff who may add or change
something with a rich-text field; CSRF, rate-limited, bounded like every cleaning by core/markup.py).
Without JavaScript the panel shows the findings of the last saved or submitted text.
"""

from django.contrib import admin, messages
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_ckeditor_5.widgets import CKEditor5Widget

from adminsite.editor_library import editor_config, hidden_config
from adminsite.options import polished
from core import markup
from core.content_checks import EASY_TO_READ_ATTR, check_html
from core.templatetags.pl import plural
from limits.ratelimit import is_limited

# Findings shown as messages after one save, per field: the panel beside the editor lists all.
MAX_MESSAGES_PER_FIELD = 8
CHECKS_PER_MINUTE = 60

PANEL_TEMPLATE = "admin/widgets/content_checks.html"


def is_easy_to_read(widget):
    return widget.attrs.get(EASY_TO_READ_ATTR) == "1"


FINDINGS_TEMPLATE = "admin/widgets/content_checks_findings.html"


def render_findings(report):
    return render_to_string(FINDINGS_TEMPLATE, {"report": report})


class CheckedCKEditor5Widget(CKEditor5Widget):
    """The editor with the checks' panel beside it."""

    class Media:
        css = {"all": ["css/admin-content-checks.css", "css/admin-editor-library.css"]}
        # The editor's files first, named as its widget names them, so our texts come after its Polish.
        js = [
            "django_ckeditor_5/dist/bundle.js",
            "django_ckeditor_5/dist/translations/pl.js",
            "js/editor-texts.js",
            "js/editor-image-sizes.js",
            "js/editor-library.js",
            "js/admin-content-checks.js",
        ]

    # The „Dokument z biblioteki” button's kinds for the person the form is for (editor_library.py),
    # set by ContentChecksForm; None (a form built outside the admin) shows no button.
    library = None

    def render(self, name, value, attrs=None, renderer=None):
        self.config = {**self.config, "partnerstwoLibrary": self.library or hidden_config()}
        editor = super().render(name, value, attrs, renderer)
        return render_to_string(
            PANEL_TEMPLATE,
            {
                "editor": editor,
                "url": reverse("admin:content_checks"),
                "report": check_html(value or "", etr=is_easy_to_read(self)),
                "etr": is_easy_to_read(self),
            },
        )


def rich_text_fields(form):
    """Names of the CKEditor 5 fields of a form (or of a form class)."""
    fields = form.fields if hasattr(form, "fields") else form.base_fields
    return [name for name, field in fields.items() if isinstance(field.widget, CKEditor5Widget)]


class ContentChecksForm:
    """Mixed in front of a ModelForm: its CKEditor 5 fields refuse what breaks access."""

    editor_library = None  # set on the class made for a request (ContentChecksAdminMixin)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.content_warnings = []
        for name in rich_text_fields(self):
            widget = self.fields[name].widget
            if type(widget) is CKEditor5Widget:
                widget.__class__ = CheckedCKEditor5Widget
            if isinstance(widget, CheckedCKEditor5Widget):
                widget.library = self.editor_library

    def clean(self):
        cleaned = super().clean()
        self.content_warnings = []
        for name in rich_text_fields(self):
            value = cleaned.get(name)
            if not value:
                continue
            report = check_html(value, etr=is_easy_to_read(self.fields[name].widget))
            if report.errors:
                self.add_error(name, [str(finding) for finding in report.errors])
            self.content_warnings.append((self.fields[name].label, report.warnings))
        return cleaned


def for_request(form_class, model_admin, request):
    """The checked form class with the editor's library button set up for ``request``."""
    checked = with_content_checks(form_class)
    # A class of its own even when form_class was checked already: the setting is this person's.
    own = type(checked.__name__, (checked,), {"__module__": checked.__module__})
    own.base_fields = checked.base_fields
    own.editor_library = editor_config(request, model_admin.admin_site)
    return own


def with_content_checks(form_class):
    """``form_class`` with ContentChecksForm in front.

    Made per call, as ModelAdmin.get_form makes its form class per request (a cache would keep
    every one alive). The subclass gets the original's base_fields, not fields rebuilt from Meta,
    so changes made to them before (StaffAuthorAdminMixin's querysets) stay.
    """
    if issubclass(form_class, ContentChecksForm):
        return form_class
    checked = type(form_class.__name__, (ContentChecksForm, form_class), {"__module__": form_class.__module__})
    checked.base_fields = form_class.base_fields
    return checked


def _say_warnings(request, forms, prefix=""):
    for form in forms:
        for label, warnings in getattr(form, "content_warnings", []):
            where = f"{prefix}{label}"
            for finding in warnings[:MAX_MESSAGES_PER_FIELD]:
                messages.warning(request, f"{where} – {finding}")
            if len(warnings) > MAX_MESSAGES_PER_FIELD:
                rest = len(warnings) - MAX_MESSAGES_PER_FIELD
                messages.warning(
                    request,
                    f"{where}: jeszcze {plural(rest, 'uwaga,uwagi,uwag')} – pełna lista jest w panelu obok edytora.",
                )


class ContentChecksInlineMixin:
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if rich_text_fields(formset.form):
            formset.form = for_request(formset.form, self, request)
        return formset


class ContentChecksAdminMixin:
    def get_inlines(self, request, obj):
        return [polished(inline, ContentChecksInlineMixin) for inline in super().get_inlines(request, obj)]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if rich_text_fields(form):
            form = for_request(form, self, request)
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Said after Django's „Zapisano…” (response_add/response_change), not before it.
        request._content_check_forms = [(form, "")] + [
            (inline_form, f"{formset.model._meta.verbose_name.capitalize()}: ")
            for formset in formsets
            for inline_form in formset.forms
        ]

    def _with_warnings(self, request, response):
        for form, prefix in getattr(request, "_content_check_forms", []):
            _say_warnings(request, [form], prefix)
        request._content_check_forms = []
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._with_warnings(request, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._with_warnings(request, super().response_change(request, obj))


def edits_rich_text(request):
    """Whether the user may add or change something with a rich-text field (a Moderator may not)."""
    for app in admin.site.get_app_list(request):
        for entry in app["models"]:
            if entry["perms"].get("add") or entry["perms"].get("change"):
                if _has_rich_text(request, admin.site.get_model_admin(entry["model"])):
                    return True
    return False


def _has_rich_text(request, model_admin):
    forms = [model_admin.get_form(request)]
    forms += [inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)]
    return any(rich_text_fields(form) for form in forms)


@require_POST
def content_checks_view(request):
    """The findings for the editor's HTML, for the panel beside it (JSON with an HTML fragment)."""
    if not edits_rich_text(request):
        return JsonResponse({"error": "Sprawdzanie treści jest dostępne dla osób, które redagują treści."}, status=403)
    html = request.POST.get("html", "")
    if len(html) > markup.MAX_CHARS:  # refused before anything else reads it
        return JsonResponse({"error": markup.too_long(len(html)).message}, status=400)
    if is_limited("content-checks", request.user.pk, limit=CHECKS_PER_MINUTE, window=60):
        return JsonResponse(
            {"error": "Sprawdzanie podczas pisania jest na chwilę wstrzymane. Sprawdzenie nastąpi przy zapisie."},
            status=429,
        )
    report = check_html(html, etr=request.POST.get("etr") == "1")
    if report.refused:
        return JsonResponse({"error": report.refused}, status=400)
    return JsonResponse(
        {
            "html": render_findings(report),
            "errors": [str(f) for f in report.errors],
            "warnings": [str(f) for f in report.warnings],
            "fog": round(report.readability.fog, 1) if report.readability else None,
        }
    )
