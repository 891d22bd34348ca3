import importlib
import json

from django.core.management.base import BaseCommand
from django.db import transaction

# One module per app that takes part in the benchmark, each with ``fill(log)``
# (bulk-creates its share of the large data set) and ``urls()`` (the pages to
# measure, as {"name": "/path/"}).
BENCH_STEPS = [
    "bench.data.news",
    "bench.data.members",
    "bench.data.newsletter",
    "bench.data.meetings",
]


class Command(BaseCommand):
    help = (
        "Fills an EMPTY benchmark database with a large data set (make bench runs it on its own "
        "database, never on the site's). With --urls, prints the pages to measure as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--urls", action="store_true", help="Only print the URLs to measure.")

    def handle(self, *args, urls=False, **options):
        modules = [importlib.import_module(step) for step in BENCH_STEPS]
        if urls:
            found = {}
            for module in modules:
                found.update(module.urls())
            self.stdout.write(json.dumps(found))
            return
        with transaction.atomic():
            for module in modules:
                module.fill(lambda message: self.stdout.write(f"  {message}"))
            from search import index

            self.stdout.write(f"  {index.rebuild()} documents in the search index")
