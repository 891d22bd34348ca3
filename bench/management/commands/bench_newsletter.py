import resource
import time
import tracemalloc

from django.core.mail.backends.base import BaseEmailBackend
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from newsletter import sending
from newsletter.models import ConsentText, Delivery, Issue, Subscriber

BACKENDS = {
    "discard": "bench.management.commands.bench_newsletter.DiscardingBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}

BODY = "<h2>Wydanie testowe</h2>" + '<p>Akapit treści newslettera z <a href="/aktualnosci/">linkiem</a>.</p>' * 20


class DiscardingBackend(BaseEmailBackend):
    """Builds each e-mail's bytes, as an SMTP backend would, and throws them away."""

    def send_messages(self, email_messages):
        for message in email_messages:
            message.message().as_bytes()
        return len(email_messages)


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Benchmark: sends one newsletter issue to N made-up subscribers (default 10,000) with a non-network "
        "e-mail backend, inside a transaction that is rolled back (nothing stays in the database), and prints "
        "e-mails per second and peak memory. Usage: manage.py bench_newsletter [--subscribers N] "
        "[--backend discard|dummy|locmem] [--tracemalloc]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=10_000)
        parser.add_argument(
            "--backend",
            choices=sorted(BACKENDS),
            default="discard",
            help="discard (default) builds each message and drops it; locmem keeps every "
            "message in memory, so its peak grows with N.",
        )
        parser.add_argument(
            "--tracemalloc", action="store_true", help="Also report the Python heap peak during sending (slower)."
        )

    def handle(self, *args, subscribers, backend, **options):
        mailers = {"default": {"BACKEND": BACKENDS[backend]}}
        try:
            with transaction.atomic(), override_settings(MAILERS=mailers):
                self.run(subscribers, options["tracemalloc"])
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")

    def run(self, n, trace):
        consent = ConsentText.current()
        now = timezone.now()
        started = time.perf_counter()
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"bench-{i}@bench.invalid",
                    status=Subscriber.Status.CONFIRMED,
                    confirmed_at=now,
                    consent=consent,
                    source="bench",
                )
                for i in range(n)
            ],
            batch_size=2000,
        )
        self.stdout.write(f"Created {n} confirmed subscribers in {time.perf_counter() - started:.1f} s")
        issue = Issue.objects.create(subject="Benchmark", body=BODY, status=Issue.Status.SENDING, queued_at=now)

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        outcome = sending.send_issue(issue.pk)
        elapsed = time.perf_counter() - started
        heap_peak = tracemalloc.get_traced_memory()[1] if trace else None
        if trace:
            tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        sent = Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count()
        self.stdout.write(f"Outcome: {outcome}; e-mails sent: {sent} of {n}")
        self.stdout.write(f"Time: {elapsed:.2f} s (planning + sending) -> {sent / elapsed:.0f} e-mails/s")
        self.stdout.write(
            f"Peak RSS of the process: {rss_after / 1024:.1f} MB (before sending {rss_before / 1024:.1f} MB)"
        )
        if heap_peak is not None:
            self.stdout.write(f"Python heap peak while sending (tracemalloc): {heap_peak / 1024 / 1024:.1f} MB")
