import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from newsletter.dispatch import queue_due, resume_stalled
from newsletter.notices import announce_new_posts


class Command(BaseCommand):
    help = (
        "Queues a newsletter notice for every post public for NEWSLETTER_NOTICE_DELAY_MINUTES (default 15) "
        "and not yet announced (once per post; never for posts marked „nie powiadamiaj subskrybentów” or "
        "older than the newsletter's start date), starts scheduled mailings whose time has come, and "
        "resumes mailings whose send task failed. With --every N it keeps running and checks every N "
        "seconds (bin/worker.d/newsletter does this)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds instead of running once.")

    def handle(self, *args, every, **options):
        while True:
            count = announce_new_posts()
            if count or options["verbosity"] > 1:
                self.stdout.write(f"Queued notices of {count} new post(s).")
            due = queue_due()
            if due:
                self.stdout.write(f"Started {due} scheduled mailing(s).")
            resumed = resume_stalled()
            if resumed:
                self.stdout.write(f"Resumed {resumed} stalled mailing(s).")
            if not every:
                return
            time.sleep(every)
            close_old_connections()  # like a request: drop a connection that went stale while sleeping
