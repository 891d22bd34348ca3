from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Konta"

    def ready(self):
        # This app has no models, so Django sends it no post_migrate: listen to auth's, which comes
        # after every migration of the run (sync_roles makes the permissions it needs itself).
        post_migrate.connect(_sync_roles, sender=apps.get_app_config("auth"), dispatch_uid="accounts.sync_roles")


def _sync_roles(sender, using="default", **kwargs):
    # After every migrate: roles get the permissions of models added or moved since (accounts/roles.py).
    from accounts.roles import sync_roles

    sync_roles(using=using)
