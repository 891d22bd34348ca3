from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AdminsiteConfig(AppConfig):
    """The portal's admin: Polish names and messages (grammar.py), the to-do dashboard."""

    default = True
    name = "adminsite"
    verbose_name = "Panel administracyjny"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from adminsite.grammar import APP_NAMES, MODEL_NAMES
        from adminsite.permissions import name_permissions
        from core.migrating import last_app_with_models

        post_migrate.connect(name_permissions, sender=last_app_with_models(), dispatch_uid="adminsite.name_permissions")

        # Runtime names only: migrations read Meta's original attributes, so this makes none.
        for label, (singular, plural) in MODEL_NAMES.items():
            opts = apps.get_model(label)._meta
            opts.verbose_name, opts.verbose_name_plural = singular, plural
        for label, name in APP_NAMES.items():
            apps.get_app_config(label).verbose_name = name
        _polish_yes_no_icons()
        _guard_admin_autocomplete()


def _polish_yes_no_icons():
    """Django's yes/no icons carry alt="True"/"False"/"None", read out by screen readers.

    Lists and read-only fields import admin_list._boolean_icon when they render, so replacing
    it here is enough.
    """
    from django.contrib.admin.templatetags import admin_list
    from django.templatetags.static import static
    from django.utils.html import format_html

    icons = {True: ("yes", "tak"), False: ("no", "nie"), None: ("unknown", "nie wiadomo")}

    def boolean_icon(field_val):
        name, alt = icons[field_val]
        return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), alt)

    admin_list._boolean_icon = boolean_icon


def _guard_admin_autocomplete():
    """Django's admin autocomplete widget looks up the posted ids to show them
    again; an id that is not a number (a bot's garbage) raises ValueError there,
    a 500 instead of the form's own error. Drop such values before the lookup."""
    from django.contrib.admin.widgets import AutocompleteMixin
    from django.core.exceptions import ValidationError

    original = AutocompleteMixin.optgroups

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

    AutocompleteMixin.optgroups = optgroups


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site as admin.site."""

    default = False
    default_site = "adminsite.sites.PortalAdminSite"
