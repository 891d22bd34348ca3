"""Benchmark data for the newsletter: 100,000 confirmed subscribers."""

from django.utils import timezone

from newsletter.models import ConsentText, Subscriber

SUBSCRIBERS = 100_000


def fill(log):
    consent, now = ConsentText.current(), timezone.now()
    for start in range(0, SUBSCRIBERS, 10_000):
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"czytelnik-{i}@bench.invalid",
                    status=Subscriber.Status.CONFIRMED,
                    confirmed_at=now,
                    consent=consent,
                    source="bench",
                )
                for i in range(start, min(start + 10_000, SUBSCRIBERS))
            ],
            batch_size=2000,
        )
    log(f"{SUBSCRIBERS} confirmed subscribers")


def urls():
    return {}
