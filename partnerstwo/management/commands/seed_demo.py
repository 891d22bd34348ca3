import importlib

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo content keeps it in its own ``demo`` module with a
# ``load(log)`` function. Order matters: later steps link to earlier content.
DEMO_STEPS = [
    "members.demo",  # institutions and people, before the agreement they signed
    "pages.demo",  # the privacy policy, partnership pages, coordinator, accessibility statement
    "news.demo",
    "meetings.demo",
    "agreement.demo",  # after the meeting at which it was signed
    "newsletter.demo",
]


class Command(BaseCommand):
    help = (
        "Loads the portal's demo content (built from the real facts of the partnership). "
        "Idempotent: what exists already, possibly edited by staff, is left untouched."
    )

    def handle(self, *args, **options):
        created = []

        def log(kind, obj, was_created):
            if was_created:
                created.append(f"{kind}: {obj}")

        # Content saved here gets its first version (changelog/versions.py), marked as demo content.
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("Treść przykładowa portalu")
            for step in DEMO_STEPS:
                importlib.import_module(step).load(log)
        if created:
            self.stdout.write(f"Demo content created ({len(created)}):")
            for line in created:
                self.stdout.write(f"  + {line}")
        else:
            self.stdout.write("Demo content already present; nothing created.")
