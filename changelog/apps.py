from django.apps import AppConfig


class ChangelogConfig(AppConfig):
    name = "changelog"
    verbose_name = "Rejestr zmian"

    def ready(self):
        from changelog.versions import register_models

        register_models()
