"""Helpers for post_migrate receivers."""

from django.apps import apps


def last_app_with_models():
    """The app whose post_migrate comes last in a run: every app's permissions exist by then."""
    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]
