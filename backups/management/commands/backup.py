from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Writes a dated archive of the database (pg_dump, custom format) and every uploaded "
        "file into backups/ (or --directory). Restore it with the restore command."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(settings.BASE_DIR / "backups"))

    def handle(self, *args, directory, **options):
        try:
            path = create_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written: {path}")
