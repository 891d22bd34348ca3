from django.core.management.base import BaseCommand

from agreement.models import Agreement
from core.documents import DocumentKind, describe_pdf_problems, pdf_accessibility_problems
from meetings.models import Document


class Command(BaseCommand):
    help = (
        "Checks the accessibility of stored PDFs (meeting documents, agreement scans): tags, language, "
        "title, text layer. New uploads are checked on save; this fills in rows stored before. "
        "Only unchecked rows unless --all; each file's first pages only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Check every PDF again, not only unchecked ones.")

    def handle(self, *args, **options):
        documents = Document.objects.filter(kind=DocumentKind.PDF).exclude(file="")
        agreements = Agreement.objects.exclude(document="")
        if not options["all"]:
            documents = documents.filter(pdf_problems__isnull=True)
            agreements = agreements.filter(document_problems__isnull=True)
        checked = failing = 0
        for row, field, problems_field in [
            *((d, "file", "pdf_problems") for d in documents.iterator()),
            *((a, "document", "document_problems") for a in agreements.iterator()),
        ]:
            stored = getattr(row, field)
            try:
                with stored.open("rb") as fileobj:
                    problems = pdf_accessibility_problems(fileobj)
            except OSError as error:
                self.stderr.write(f"{row}: nie udało się otworzyć pliku ({error}).")
                continue
            if problems is None:
                self.stderr.write(f"{row}: nie udało się odczytać pliku PDF.")
                continue
            type(row).objects.filter(pk=row.pk).update(**{problems_field: problems})
            checked += 1
            if problems:
                failing += 1
                self.stdout.write(f"{row}: {describe_pdf_problems(problems)}")
        self.stdout.write(f"Sprawdzone dokumenty PDF: {checked}, w tym niedostępne w pełni: {failing}.")
