from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Biblioteka"

    def ready(self):
        from core.content_checks import sizes_known_at
        from library.models import size_at_address

        # A link to a library document in rich text: the refused-link message gives its real size.
        sizes_known_at("/dokumenty/", size_at_address)
