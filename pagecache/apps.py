from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Pamięć podręczna stron"

    def ready(self):
        from pagecache.versions import connect_signals

        connect_signals()
