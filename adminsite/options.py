"""The Polish mixin the portal's admin site puts in front of every ModelAdmin and inline.

Django writes its titles and messages with the model's nominative („Dodaj strona”) and its
success messages with bracketed gender endings for every model. Here each of those places takes
the right case from grammar.py and says it in plain, impersonal Polish („Dodano stronę „O nas”.”).
"""

import json

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR, ActionLocation
from django.contrib.admin.utils import display_for_value, quote, unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from adminsite.grammar import noun_for

_polished = {}


def polished(cls, mixin):
    """``cls`` with ``mixin`` in front, made once per class."""
    if issubclass(cls, mixin):
        return cls
    key = (cls, mixin)
    if key not in _polished:
        _polished[key] = type(cls.__name__, (mixin, cls), {"__module__": cls.__module__})
    return _polished[key]


class PolishRelatedFieldWidgetWrapper(RelatedFieldWidgetWrapper):
    """The add/change/delete buttons beside a related field, titled in the accusative."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["noun"] = noun_for(self.rel.model._meta)
        return context


class PolishFormfieldsMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and type(formfield.widget) is RelatedFieldWidgetWrapper:
            formfield.widget.__class__ = PolishRelatedFieldWidgetWrapper
        return formfield


class PolishInlineMixin(PolishFormfieldsMixin):
    pass


class PolishInlineAdminFormSet(helpers.InlineAdminFormSet):
    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        noun = noun_for(self.opts.opts)
        # „Dodaj kolejny punkt programu” below a row; „Dodaj relację ze spotkania” when there is none.
        data["options"]["addText"] = f"Dodaj {noun.another if self.formset.forms else noun.acc}"
        return json.dumps(data)


def _next_step(request, noun):
    """What the page after „Zapisz i …” offers."""
    if "_addanother" in request.POST:
        return f" Poniżej można dodać {noun.another}."
    if "_continue" in request.POST:
        return " Poniżej można wprowadzić kolejne zmiany."
    return ""


class PolishModelAdminMixin(PolishFormfieldsMixin):
    # Titles.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        noun = noun_for(self.opts)
        if add:
            context["title"] = f"Dodaj {noun.acc}"
        elif self.has_change_permission(request, obj):
            context["title"] = f"Zmień {noun.acc}"
        else:
            context["title"] = f"Zobacz {noun.acc}"
        context["noun"] = noun
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        noun = noun_for(self.opts)
        if IS_POPUP_VAR in request.GET:  # picking a related object
            title = f"Wybierz {noun.acc}"
        elif self.has_change_permission(request):
            title = f"Wybierz {noun.acc} do zmiany"
        else:
            title = f"Wybierz {noun.acc} do przejrzenia"
        extra_context = {"title": title, "noun": noun, **(extra_context or {})}
        if request.method == "POST" and "_save" in request.POST:  # list_editable
            request._admin_pl_changed = 0
            request._admin_pl_message = lambda: f"Zapisano zmiany: {noun.count(request._admin_pl_changed)}."
        try:
            return super().changelist_view(request, extra_context)
        finally:
            request._admin_pl_message = None

    def log_change(self, request, obj, message):
        if getattr(request, "_admin_pl_changed", None) is not None:
            request._admin_pl_changed += 1
        return super().log_change(request, obj, message)

    def render_delete_form(self, request, context):
        noun = noun_for(self.opts)
        context["noun"] = noun
        if context.get("perms_lacking") or context.get("protected"):
            context["title"] = f"Nie można usunąć {noun.gen}"
        return super().render_delete_form(request, context)

    def get_action_choices(self, request, default_choices=None, action_location=ActionLocation.CHANGE_LIST):
        choices = super().get_action_choices(request, default_choices, action_location)
        noun = noun_for(self.opts)
        label = f"Usuń {noun.adjective_acc_pl('zaznaczon')} {noun.acc_pl}"
        return [(name, label if name == "delete_selected" else text) for name, text in choices]

    def get_inlines(self, request, obj):
        return [polished(inline, PolishInlineMixin) for inline in super().get_inlines(request, obj)]

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for formset in formsets:
            if type(formset) is helpers.InlineAdminFormSet:
                formset.__class__ = PolishInlineAdminFormSet
        return formsets

    # Messages after a save or a delete.

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        replacement = getattr(request, "_admin_pl_message", None)
        if replacement is not None and level == messages.SUCCESS:
            request._admin_pl_message = None
            message = replacement()
        return super().message_user(request, message, level, *args, **kwargs)

    def _object_link(self, request, obj):
        shown = display_for_value(str(obj), "–")
        if not self.has_change_permission(request, obj):
            return shown
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[quote(obj.pk)],
            current_app=self.admin_site.name,
        )
        return format_html('<a href="{}">{}</a>', url, shown)

    def response_add(self, request, obj, post_url_continue=None):
        noun = noun_for(self.opts)

        def message():
            text = format_html("Dodano {} „{}”.", noun.acc, self._object_link(request, obj))
            return format_html("{}{}", text, _next_step(request, noun))

        request._admin_pl_message = message
        try:
            return super().response_add(request, obj, post_url_continue)
        finally:
            request._admin_pl_message = None

    def response_change(self, request, obj):
        noun = noun_for(self.opts)

        def message():
            done = "Dodano" if "_saveasnew" in request.POST else "Zapisano"
            text = format_html("{} {} „{}”.", done, noun.acc, self._object_link(request, obj))
            return format_html("{}{}", text, _next_step(request, noun))

        request._admin_pl_message = message
        try:
            return super().response_change(request, obj)
        finally:
            request._admin_pl_message = None

    def response_delete(self, request, obj_display, obj_id):
        noun = noun_for(self.opts)
        request._admin_pl_message = lambda: f"Usunięto {noun.acc} „{display_for_value(str(obj_display), '–')}”."
        try:
            return super().response_delete(request, obj_display, obj_id)
        finally:
            request._admin_pl_message = None

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django's (private) helper for a change/delete/history page of a missing row, in the genitive.
        noun = noun_for(opts)
        self.message_user(
            request,
            f"Nie znaleziono {noun.gen} o identyfikatorze „{unquote(object_id)}”. "
            f"Być może ktoś {noun.pronoun_acc} usunął.",
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))
