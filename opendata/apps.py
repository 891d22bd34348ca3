from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Open data at /dane/: institutions, signatories and meetings as CSV and JSON."""

    name = "opendata"
    verbose_name = "Otwarte dane"
