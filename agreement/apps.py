from django.apps import AppConfig


class AgreementConfig(AppConfig):
    """The partnership's agreements and their signatures (/porozumienie/)."""

    name = "agreement"
    verbose_name = "Porozumienie"
