import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from pages.review import send_review_reminders


class Command(BaseCommand):
    help = (
        "Runs the portal's daily duties: for now, the e-mail reminders of the accessibility statement's "
        "yearly review (1 and 25 March, to administrators). Each duty acts once per date, so running the "
        "command again the same day does nothing new. With --every N it keeps running and checks every N "
        "seconds (bin/worker.d/daily does this hourly)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds instead of running once.")

    def handle(self, *args, every, **options):
        while True:
            today = timezone.localdate()
            reminded = send_review_reminders(today)
            if reminded or options["verbosity"] > 1:
                self.stdout.write(f"Accessibility statement review: reminded {reminded} administrator(s).")
            if not every:
                return
            time.sleep(every)
            close_old_connections()
