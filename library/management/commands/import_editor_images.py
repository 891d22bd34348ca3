from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.images import EDITOR_DIR, editor_file_label, editor_largest_names, image_size
from library.models import Image, image_title
from library.uses import refresh_all


class Command(BaseCommand):
    help = (
        "Adds to the library („Biblioteka → Obrazy”) the images stored by the editor before the library "
        "existed: it lists the editor's folder in the storage, takes each image's largest copy that has no "
        "library row yet, and reads its size from the file itself; then it records where every image is "
        "used. Run it once after the deploy that adds the image library; running it again adds nothing new."
    )

    def handle(self, *args, **options):
        try:
            _, files = default_storage.listdir(EDITOR_DIR.rstrip("/"))
        except FileNotFoundError:
            files = []
        known = set(Image.objects.values_list("file", flat=True))
        added = 0
        for short_name in editor_largest_names(files):
            name = f"{EDITOR_DIR}{short_name}"
            if name in known:
                continue
            with default_storage.open(name) as file:
                width, height = image_size(file)
            try:
                stored_at = default_storage.get_modified_time(name)
            except NotImplementedError:
                stored_at = timezone.now()
            Image.objects.create(
                title=image_title(editor_file_label(short_name)),
                file=name,
                width=width,
                height=height,
                size=default_storage.size(name),
                uploaded_at=stored_at,
            )
            added += 1
        uses = refresh_all()
        self.stdout.write(f"Added {added} image(s) to the library; recorded {uses} change(s) of where they are used.")
