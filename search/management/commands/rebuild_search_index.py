from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Rebuilds the search index from scratch (needed after bulk loads that skip signals)."

    def handle(self, *args, **options):
        self.stdout.write(f"Indexed {index.rebuild()} documents.")
