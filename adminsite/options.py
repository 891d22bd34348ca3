"""The Polish layer of every ModelAdmin and inline the portal's admin site registers.

Django writes its titles and messages with the model's nominative („Dodaj strona”) and its
success messages with bracketed gender endings for every model. Here each of those places takes
the right case from grammar.py and says it in plain, impersonal Polish („Dodano stronę „O nas”.”),
and its search box finds Polish word forms (search.py). The site (sites.py) builds every
registered admin on PolishModelAdmin, so Python puts it right above Django's ModelAdmin: the
admin's own overrides come first, as they would over Django's.
"""

import json
from urllib.parse import parse_qsl

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR, ActionLocation
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_value, quote, unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from adminsite.django_private import CheckedLookupsChangeList, ModelAdminPrivateHooks
from adminsite.grammar import noun_for
from adminsite.search import PolishSearchMixin
from core.models import SingleRowModel

EDIT_AGAIN = "Poniżej można wprowadzić kolejne zmiany."

_made = {}


def _subclass(cls, bases):
    """A class named as ``cls`` with ``bases``, made once per pair."""
    if bases not in _made:
        _made[bases] = type(cls.__name__, bases, {"__module__": cls.__module__})
    return _made[bases]


def polished(cls, mixin):
    """``cls`` with ``mixin`` in front."""
    return cls if issubclass(cls, mixin) else _subclass(cls, (mixin, cls))


def in_polish(admin_class):
    """``admin_class`` built on PolishModelAdmin: Python puts it right above Django's ModelAdmin.

    So an admin's own overrides run first and reach the Polish ones through super(), as they
    would reach Django's (accounts/admin.py StaffUserAdmin.response_add says what its invitation does).
    """
    if issubclass(admin_class, PolishModelAdmin):
        return admin_class
    if admin_class is admin.ModelAdmin:
        return PolishModelAdmin
    return _subclass(admin_class, (admin_class, PolishModelAdmin))


class PolishRelatedFieldWidgetWrapper(RelatedFieldWidgetWrapper):
    """The add/change/delete buttons beside a related field, titled in the accusative."""

    @classmethod
    def from_wrapper(cls, wrapper):
        """The same buttons as Django's ``wrapper`` (what the user may do was decided there)."""
        return cls(
            wrapper.widget,
            wrapper.rel,
            wrapper.admin_site,
            can_add_related=wrapper.can_add_related,
            can_change_related=wrapper.can_change_related,
            can_delete_related=wrapper.can_delete_related,
            can_view_related=wrapper.can_view_related,
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["noun"] = noun_for(self.rel.model._meta)
        return context


class PolishFormfieldsMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and type(formfield.widget) is RelatedFieldWidgetWrapper:
            formfield.widget = PolishRelatedFieldWidgetWrapper.from_wrapper(formfield.widget)
        return formfield


class PolishInlineMixin(PolishFormfieldsMixin):
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not isinstance(self, admin.TabularInline):
            return formset

        # A tabular inline heads its columns with <th> and gives no input a <label>: a screen reader
        # would meet nameless fields. Each visible input is named by its column's label instead.
        class NamedFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                for name, field in form.fields.items():
                    widget = field.widget
                    if isinstance(widget, RelatedFieldWidgetWrapper):  # the input is the wrapped widget
                        widget = widget.widget
                    if not widget.is_hidden:
                        widget.attrs.setdefault("aria-label", capfirst(field.label or name))

        NamedFormSet.__name__ = formset.__name__
        return NamedFormSet


class PolishInlineAdminFormSet(helpers.InlineAdminFormSet):
    @classmethod
    def from_formset(cls, formset):
        """The same inline as Django's ``formset``, with its permissions as Django decided them."""
        return cls(
            formset.opts,
            formset.formset,
            formset.fieldsets,
            formset.prepopulated_fields,
            formset.readonly_fields,
            model_admin=formset.model_admin,
            has_add_permission=formset.has_add_permission,
            has_change_permission=formset.has_change_permission,
            has_delete_permission=formset.has_delete_permission,
            has_view_permission=formset.has_view_permission,
        )

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        noun = noun_for(self.opts.opts)
        # „Dodaj kolejny punkt programu” below a row; „Dodaj relację ze spotkania” when there is none.
        data["options"]["addText"] = f"Dodaj {noun.another if self.formset.forms else noun.acc}"
        return json.dumps(data)


class PolishModelAdmin(ModelAdminPrivateHooks, PolishSearchMixin, PolishFormfieldsMixin, admin.ModelAdmin):
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
        elif issubclass(self.model, SingleRowModel):  # „Strona główna”, „Dane koordynatora”
            title = capfirst(noun.nom)
        else:  # „Wpisy”, not Django's calque „Wybierz wpis do zmiany”
            title = capfirst(noun.nom_pl)
        extra_context = {"title": title, "noun": noun, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_changelist(self, request, **kwargs):
        return polished(super().get_changelist(request, **kwargs), CheckedLookupsChangeList)

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
        return [
            PolishInlineAdminFormSet.from_formset(formset) if type(formset) is helpers.InlineAdminFormSet else formset
            for formset in formsets
        ]

    # What is said after a save or a delete, and where the page goes next. Django's response_*
    # say it with the nominative („The strona … was added”); these say it in the right case and
    # send the editor where Django would. A popup (adding a related object) closes without a
    # message, so Django answers it.

    def response_add(self, request, obj, post_url_continue=None):
        if IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        noun = noun_for(self.opts)
        done = format_html("Dodano {} „{}”.", noun.acc, self._object_link(request, obj))
        if "_continue" in request.POST or (
            "_saveasnew" in request.POST and self.save_as_continue and self.has_change_permission(request, obj)
        ):
            next_step = EDIT_AGAIN if self.has_change_permission(request, obj) else ""
            return self._say_and_go(request, done, next_step, post_url_continue or self._change_url(obj))
        if "_addanother" in request.POST:
            return self._say_and_go(request, done, f"Poniżej można dodać {noun.another}.", request.path)
        self.message_user(request, done, messages.SUCCESS)
        return self.response_post_save_add(request, obj)

    def response_change(self, request, obj):
        if IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        noun = noun_for(self.opts)
        if issubclass(self.model, SingleRowModel):  # one row: its name says nothing („stronę główną „Strona główna””)
            done = format_html("Zapisano {}.", noun.acc)
        else:
            done = format_html("Zapisano {} „{}”.", noun.acc, self._object_link(request, obj))
        if "_continue" in request.POST:
            return self._say_and_go(request, done, EDIT_AGAIN, request.path)
        if "_addanother" in request.POST:
            return self._say_and_go(request, done, f"Poniżej można dodać {noun.another}.", self._admin_url("add"))
        self.message_user(request, done, messages.SUCCESS)
        return self.response_post_save_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        noun = noun_for(self.opts)
        shown = display_for_value(str(obj_display), "–")
        self.message_user(request, f"Usunięto {noun.acc} „{shown}”.", messages.SUCCESS)
        if not self.has_change_permission(request, None):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))
        context = {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}
        return HttpResponseRedirect(add_preserved_filters(context, self._admin_url("changelist")))

    def missing_object_redirect(self, request, opts, object_id):
        """A change, delete or history page of a row that is gone: say so in the genitive, go home."""
        noun = noun_for(opts)
        self.message_user(
            request,
            f"Nie znaleziono {noun.gen} o identyfikatorze „{unquote(object_id)}”. "
            f"Być może ktoś {noun.pronoun_acc} usunął.",
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))

    def _admin_url(self, page, *args):
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_{page}"
        return reverse(name, args=args, current_app=self.admin_site.name)

    def _change_url(self, obj):
        return self._admin_url("change", quote(obj.pk))

    def _object_link(self, request, obj):
        shown = display_for_value(str(obj), "–")
        if not self.has_change_permission(request, obj):
            return shown
        return format_html('<a href="{}">{}</a>', self._change_url(obj), shown)

    def _say_and_go(self, request, done, next_step, url):
        """Say what was done and what the next page offers, and go there.

        Like Django, the address keeps the list's filters and the form's other query parameters.
        """
        self.message_user(request, format_html("{} {}", done, next_step) if next_step else done, messages.SUCCESS)
        preserved_filters = self.get_preserved_filters(request)
        other = request.META.get("QUERY_STRING", "").replace(preserved_filters, "")
        context = {"preserved_filters": preserved_filters, "preserved_qsl": parse_qsl(other), "opts": self.opts}
        return HttpResponseRedirect(add_preserved_filters(context, url))
