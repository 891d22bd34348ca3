from django.apps import AppConfig


class PartnerstwoConfig(AppConfig):
    name = "partnerstwo"
    verbose_name = "Portal"

    def ready(self):
        from partnerstwo import pagecache

        pagecache.connect_signals()
