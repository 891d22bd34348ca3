from allauth.account import apps as account_apps
from allauth.mfa import apps as mfa_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.auth import apps as auth_apps
from django_tasks_db import apps as tasks_apps
from reversion import apps as reversion_apps


class AdminsiteConfig(AppConfig):
    """The portal's admin: Polish names and messages (grammar.py), the to-do dashboard."""

    default = True
    name = "adminsite"
    verbose_name = "Panel administracyjny"

    def ready(self):
        from django.db.models.signals import post_migrate

        from adminsite import django_private
        from adminsite.permissions import name_permissions
        from core.migrating import last_app_with_models

        post_migrate.connect(name_permissions, sender=last_app_with_models(), dispatch_uid="adminsite.name_permissions")
        django_private.install()


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site as admin.site."""

    default = False
    default_site = "adminsite.sites.PortalAdminSite"


# Other apps under the names the admin shows (theirs are English or say little to staff), the
# way Django's documentation renames an app: INSTALLED_APPS lists these in their place. Their
# models' names are translated in locale/pl/LC_MESSAGES/django.po.


class AuthConfig(auth_apps.AuthConfig):
    default = False
    verbose_name = "Użytkownicy i grupy"


class AccountConfig(account_apps.AccountConfig):
    default = False
    verbose_name = "Adresy e-mail"


class MFAConfig(mfa_apps.MFAConfig):
    default = False
    verbose_name = "Weryfikacja dwuetapowa"


class ReversionConfig(reversion_apps.ReversionConfig):
    default = False
    verbose_name = "Wersje treści"


class TasksConfig(tasks_apps.TasksAppConfig):
    default = False
    verbose_name = "Zadania w tle"
