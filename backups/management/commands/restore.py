from django.core.management.base import BaseCommand, CommandError

from backups.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores an archive written by the backup command: the database (which must be empty "
        "unless --force is given, which replaces everything in it) and the uploaded files."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--force", action="store_true", help="Replace a database that has tables already.")
        parser.add_argument("--database-url", help="Restore into this database instead of the portal's.")

    def handle(self, *args, archive, force, database_url, **options):
        try:
            files = restore_backup(archive, database_url=database_url, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the database and {files} uploaded files from {archive}")
