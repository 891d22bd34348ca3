"""Images the editor stored before the library existed join it from what the storage holds."""

import io

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from conftest import image_bytes
from core.images import clean_image, editor_image_files
from library.models import Image, ImageUse


def store(name, size):
    files = editor_image_files(name, clean_image(SimpleUploadedFile(name, image_bytes(size=size))))
    return [default_storage.save(file_name, file) for file_name, file in files][0]


def test_the_command_adds_each_largest_copy_once_and_finds_its_uses(make_post, make_image):
    known = make_image("Plakat.jpg")
    old = store("Sala obrad w Łomiankach.jpg", (2000, 1000))
    small = store("ikona.jpg", (300, 200))
    make_post(title="Stary wpis", body=f'<figure class="image"><img src="/media/{old}" alt="Sala"></figure>')

    out = io.StringIO()
    call_command("import_editor_images", stdout=out)

    assert "Added 2 image(s)" in out.getvalue()
    added = Image.objects.exclude(pk=known.pk).order_by("title")
    assert [(i.title, i.file, i.width, i.height) for i in added] == [
        ("Ikona", small, 300, 200),
        ("Sala obrad w lomiankach", old, 1600, 800),
    ]
    assert ImageUse.objects.get().image.file == old

    call_command("import_editor_images", stdout=io.StringIO())
    assert Image.objects.count() == 3
