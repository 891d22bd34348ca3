import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from adminsite.trash import purge as purge_trash
from library.uses import refresh_all as refresh_image_uses
from pages.review import send_review_reminders
from partnerstwo.retention import prune
from stats.counter import tidy as tidy_view_counts


class Command(BaseCommand):
    help = (
        "Runs the portal's daily duties: the e-mail reminders of the accessibility statement's yearly "
        "review (1 and 25 March, to administrators), the deletion of personal data past its retention "
        "period (RETENTION_* settings) and of what has been in the trash longer than TRASH_DAYS, and the "
        "deletion of the view counts of items deleted for good with the renewal of the pages that show "
        "the counts (stats/), and the check of where "
        "the library's images are used (library/uses.py: texts changed without a save, rows from a backup). "
        "Each duty is idempotent: a reminder goes once per date, and data "
        "already deleted is gone, so running the command again the same day does nothing new. With "
        "--every N it keeps running and checks every N seconds (bin/worker.d/daily does this hourly)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds instead of running once.")

    def handle(self, *args, every, **options):
        while True:
            reminded = send_review_reminders(timezone.localdate())
            if reminded or options["verbosity"] > 1:
                self.stdout.write(f"Accessibility statement review: reminded {reminded} administrator(s).")
            for what, count in {**prune(), **purge_trash()}.items():
                if count or options["verbosity"] > 1:
                    self.stdout.write(f"Deleted {count} {what}.")
            dropped = tidy_view_counts()
            if dropped or options["verbosity"] > 1:
                self.stdout.write(f"View counts: deleted {dropped} day(s) of counts of items deleted for good.")
            uses = refresh_image_uses()
            if uses or options["verbosity"] > 1:
                self.stdout.write(f"Library images: corrected {uses} record(s) of where they are used.")
            if not every:
                return
            time.sleep(every)
            close_old_connections()  # like a request: drop a connection that went stale while sleeping
