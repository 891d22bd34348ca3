from django.apps import AppConfig


class DraftsConfig(AppConfig):
    """Never lose work in the admin: autosaved form states and files kept across a refused save."""

    name = "drafts"
    verbose_name = "Niezapisane zmiany"
