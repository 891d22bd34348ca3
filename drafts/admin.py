"""Never lose work in the admin: autosaved drafts, a warning before leaving, kept files.

The admin site (adminsite/sites.py) puts NeverLoseWorkAdminMixin in front of every ModelAdmin:
- every change and add form warns before the page is left with unsaved changes
  (static/js/admin-drafts.js; not on submit, and a successful save opens a fresh page);
- a form with a rich-text editor also autosaves its unsaved state for its user (drafts.views),
  and on reopening it offers to restore or discard that state (templates/admin/drafts/);
  a successful save deletes the draft;
- every single-file input of the form and its inlines keeps a chosen file when the form is
  refused (drafts/uploads.py);
- the change form of a post or page ends with its „Linki do podglądu” box (drafts/previews.py),
  for whoever may change it.
The drafts are the user's own: no admin page lists them, and the daily duties delete old ones.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_ckeditor_5.widgets import CKEditor5Widget

from drafts.models import Draft
from drafts.previews import preview_box, previewable
from drafts.uploads import has_file_fields, with_kept_files


def autosaves(form_class):
    """Whether a form autosaves drafts: it has a rich-text editor."""
    return any(isinstance(field.widget, CKEditor5Widget) for field in form_class.base_fields.values())


def draft_of(user, model, object_id):
    return Draft.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(model), object_id=object_id
    ).first()


def forget_draft(user, model, object_id):
    Draft.objects.filter(user=user, content_type=ContentType.objects.get_for_model(model), object_id=object_id).delete()


class KeptFilesInlineMixin:
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if has_file_fields(formset.form):
            formset.form = with_kept_files(formset.form)
        return formset


_inlines = {}


def kept_files_inline(inline):
    """``inline`` with KeptFilesInlineMixin in front, made once per inline class."""
    if issubclass(inline, KeptFilesInlineMixin):
        return inline
    if inline not in _inlines:
        _inlines[inline] = type(inline.__name__, (KeptFilesInlineMixin, inline), {"__module__": inline.__module__})
    return _inlines[inline]


class NeverLoseWorkAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin-drafts.js"], css={"all": ["css/admin-drafts.css"]})

    def get_inlines(self, request, obj):
        return [kept_files_inline(inline) for inline in super().get_inlines(request, obj)]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return with_kept_files(form) if has_file_fields(form) else form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = getattr(context.get("adminform"), "form", None)
        editable = self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        if form is not None and editable:
            context["unsaved_changes"] = {"refused": form.is_bound}
            if autosaves(type(form)):
                object_id = "" if add or obj is None else str(obj.pk)
                context["unsaved_changes"].update(
                    autosave=True,
                    save_url=reverse(f"{self.admin_site.name}:drafts_save"),
                    discard_url=reverse(f"{self.admin_site.name}:drafts_discard"),
                    model=self.opts.label_lower,
                    object_id=object_id,
                    # A refused form shows what was typed: nothing to offer then.
                    draft=None if form.is_bound else draft_of(request.user, self.model, object_id),
                )
        if change and obj is not None and editable and previewable(self.model):
            context["preview_links"] = preview_box(request, self, obj)
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def response_add(self, request, obj, post_url_continue=None):
        forget_draft(request.user, self.model, "")
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        forget_draft(request.user, self.model, str(obj.pk))
        return super().response_change(request, obj)
