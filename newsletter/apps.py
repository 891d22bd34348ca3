from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from library import uses
        from newsletter.models import Issue

        post_migrate.connect(_record_start, sender=self, dispatch_uid="newsletter.record_start")
        # The library's „Gdzie użyto” of images (library/uses.py).
        uses.register(Issue, ["body"], "Wydanie newslettera")


def _record_start(sender, using="default", **kwargs):
    # Migration 0002 records when the newsletter started; after every migrate (and after a test
    # database is emptied, which sends the same signal) the row is there again if it went missing.
    from django.utils import timezone

    from newsletter.models import NewsletterSettings

    NewsletterSettings.objects.using(using).get_or_create(pk=1, defaults={"post_notices_since": timezone.now()})
