from django.apps import AppConfig


class AgreementConfig(AppConfig):
    """The partnership's agreements and their signatures (/porozumienie/)."""

    name = "agreement"
    verbose_name = "Porozumienie"

    def ready(self):
        from agreement.models import Agreement
        from library import uses

        # The library's „Gdzie użyto” of images (library/uses.py).
        uses.register(Agreement, ["text"], "Porozumienie")
