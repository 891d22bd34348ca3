from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Konta"

    def ready(self):
        from core.migrating import last_app_with_models

        # This app has no models, so Django sends it no post_migrate: listen to the last app's,
        # which comes after every migration of the run and after every other app's permissions.
        post_migrate.connect(_sync_roles, sender=last_app_with_models(), dispatch_uid="accounts.sync_roles")


def _sync_roles(sender, using="default", **kwargs):
    # After every migrate: roles get the permissions of models added or moved since (accounts/roles.py).
    from accounts.roles import sync_roles

    sync_roles(using=using, create=False)
