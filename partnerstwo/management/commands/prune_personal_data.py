import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from partnerstwo.retention import prune


class Command(BaseCommand):
    help = (
        "Deletes personal data past its retention period (RETENTION_* settings): newsletter sign-ups never "
        "confirmed, decided accession requests, closed accessibility cases and rate-limit counters. With "
        "--every N it keeps running and prunes every N seconds (bin/worker.d/retention: once a day)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds instead of running once.")

    def handle(self, *args, every, **options):
        while True:
            for what, count in prune().items():
                if count or options["verbosity"] > 1:
                    self.stdout.write(f"Deleted {count} {what}.")
            if not every:
                return
            time.sleep(every)
            close_old_connections()  # like a request: drop a connection that went stale while sleeping
