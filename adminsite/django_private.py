"""Every place where the portal's admin relies on something Django or a library does not promise.

Everything else in adminsite/ uses public API: ``AdminSite.add_action``, ``ModelAdmin``'s
``response_add``/``response_change``/``response_delete`` and ``message_user``, translations in
locale/pl/LC_MESSAGES/django.po, AppConfig subclasses for the names of other apps. What could
not be done that way is here, and adminsite/tests/test_private_hooks_still_exist.py checks each
hook against the Django version it was written for. After upgrading Django, read each hook below
against the new source, then update ``CHECKED_WITH_DJANGO``.

1. ``ModelAdmin._get_obj_does_not_exist_redirect(request, opts, object_id)`` (overridden).
   Django's change, delete and history views call it for a row that no longer exists; its
   message puts the model's name in the nominative („strona with ID … doesn’t exist”), where
   Polish needs the genitive and the pronoun's gender („Nie znaleziono strony … Być może ktoś
   ją usunął.”). A translation cannot choose the case, and there is no public hook. The
   override hands over to the public ``PolishModelAdmin.missing_object_redirect``, which the
   version history pages (changelog/history.py) call too.

2. ``django.contrib.admin.templatetags.admin_list._boolean_icon(field_val)`` (replaced).
   The yes/no icons of lists and read-only fields carry ``alt="True"``/``"False"``/``"None"``,
   which screen readers read out in English and no translation reaches. ``display_for_field``,
   ``display_for_value`` and ``AdminReadonlyField`` import the function from admin_list each
   time they render, so replacing the module's attribute once is enough. A fix belongs in
   Django (a translatable alt text); until then, this.

3. ``Authenticator._meta.verbose_name`` of allauth.mfa (set at start-up).
   allauth gives the model no verbose_name, so Django makes „authenticator” from the class
   name: a plain string, not a translation msgid, so django.po cannot reach it. The admin's
   titles take the Polish forms from grammar.py, but the app list, breadcrumbs and the
   permission names read ``_meta``. Only the runtime options change; migrations read Meta's
   original attributes, so none is made. Once allauth names the model with gettext, move this
   to django.po.

4. ``django.contrib.admin.widgets.AutocompleteMixin.optgroups(self, name, value, attr=None)``
   (wrapped). The autocomplete widget looks up the posted ids to show them again; an id that is
   not a number (a bot's garbage) raises ValueError there, a 500 instead of the form's own
   error. The wrapper drops such values before the look-up.

5. ``django.contrib.admin.views.main.ChangeList.get_queryset(request, exclude_parameters)``
   (extended in a subclass handed out by the public ``ModelAdmin.get_changelist``). Django
   turns a bad lookup from the address into its „incorrect lookup” redirect (``?e=1``) only
   when building the queryset fails; a year out of Python's range (``?created_at__year=99999``)
   fails later, when the query is compiled for the count, and a year too big for an integer
   in the date hierarchy raises OverflowError, which Django does not catch: both answered 500.
   The extension compiles the query where Django still turns the error into its redirect.
"""

from django.contrib.admin import ModelAdmin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import EmptyResultSet

CHECKED_WITH_DJANGO = (6, 1)

# What the test compares with Django's and allauth's source: (object, attribute, parameters).
HOOKS = [
    (ModelAdmin, "_get_obj_does_not_exist_redirect", ["self", "request", "opts", "object_id"]),
    (admin_list, "_boolean_icon", ["field_val"]),
    (AutocompleteMixin, "optgroups", ["self", "name", "value", "attr"]),
    (ChangeList, "get_queryset", ["self", "request", "exclude_parameters"]),
]

AUTHENTICATOR_NAMES = ("klucz weryfikacji dwuetapowej", "klucze weryfikacji dwuetapowej")
BOOLEAN_ICONS = {True: ("yes", "tak"), False: ("no", "nie"), None: ("unknown", "nie wiadomo")}


class ModelAdminPrivateHooks:
    """Hook 1: Django's private redirect for a missing row, handed to the public method."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        return self.missing_object_redirect(request, opts, object_id)


class CheckedLookupsChangeList:
    """Hook 5: a lookup that cannot become SQL (a year past 9999) is an incorrect lookup, not a 500."""

    def get_queryset(self, request, exclude_parameters=None):
        try:
            queryset = super().get_queryset(request, exclude_parameters)
        except OverflowError as error:  # a huge year in the date hierarchy: Django catches only ValueError
            raise IncorrectLookupParameters(error) from error
        try:
            queryset.query.get_compiler(queryset.db).as_sql()
        except EmptyResultSet:
            pass  # a lookup that matches nothing is a valid one
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error
        return queryset


def boolean_icon(field_val):
    """Hook 2: Django's yes/no icon, described in Polish."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    name, alt = BOOLEAN_ICONS[field_val]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), alt)


def install():
    """Put hooks 2, 3 and 4 in place (AdminsiteConfig.ready)."""
    from allauth.mfa.models import Authenticator

    admin_list._boolean_icon = boolean_icon
    _guard_autocomplete()
    opts = Authenticator._meta
    opts.verbose_name, opts.verbose_name_plural = AUTHENTICATOR_NAMES


def _guard_autocomplete():
    """Hook 4: posted ids that are not ids are dropped before the widget looks them up."""
    from django.core.exceptions import ValidationError

    original = AutocompleteMixin.optgroups
    if getattr(original, "drops_bad_ids", False):
        return

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        valid = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return original(self, name, valid, attr)

    optgroups.drops_bad_ids = True
    AutocompleteMixin.optgroups = optgroups
