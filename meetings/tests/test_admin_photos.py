import os
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError
from django.test import Client
from PIL import Image

from conftest import image_bytes
from meetings.models import Meeting, Photo
from meetings.tests.admin_forms import meeting_form


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_staff_upload_several_photos_at_once(client, alice, jpeg_with_location, in_background):
    client.force_login(alice)
    files = [
        upload("IMG_0001 (GPS).JPG", jpeg_with_location),
        upload("sala.png", image_bytes("PNG", size=(2400, 1200)), "image/png"),
    ]
    with in_background():
        response = client.post(
            "/admin/meetings/meeting/add/",
            meeting_form(
                new_photos=files,
                new_photos_alt="Uczestnicy spotkania w sali obrad",
            ),
            follow=True,
        )
    assert "Dodano 2 zdjęcia. Trwa przygotowywanie miniatur – na stronie spotkania pojawią się za chwilę." in (
        response.text
    )
    meeting = Meeting.objects.get()
    first, second = meeting.photos.all()
    assert first.alt == second.alt == "Uczestnicy spotkania w sali obrad"
    assert first.position < second.position
    assert "IMG_0001" not in first.image.name and first.image.name.endswith(".jpg")
    with Image.open(first.image.path) as stored:
        assert not stored.getexif()
    for field in (first.large, first.thumbnail):
        with Image.open(field.path) as stored:
            assert not stored.getexif()
    assert (second.width, second.height) == (2400, 1200)
    assert (second.large_width, second.large_height) == (1600, 800)
    assert (second.thumbnail_width, second.thumbnail_height) == (480, 240)
    with Image.open(second.thumbnail.path) as thumb:
        assert thumb.size == (480, 240)


def test_photos_need_alt_text(client, alice):
    client.force_login(alice)
    response = client.post(
        "/admin/meetings/meeting/add/",
        meeting_form(
            new_photos=[upload("a.jpg", image_bytes())],
        ),
    )
    assert response.status_code == 200
    assert "Podaj tekst alternatywny dodawanych zdjęć." in response.text
    assert not Meeting.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_in_polish(client, alice):
    client.force_login(alice)
    response = client.post(
        "/admin/meetings/meeting/add/",
        meeting_form(
            new_photos=[upload("zdjecie.jpg", image_bytes()), upload("skrypt.jpg", b"<?php system($_GET['c']); ?>")],
            new_photos_alt="Sala",
        ),
    )
    assert response.status_code == 200
    assert "„skrypt.jpg”: Plik nie jest poprawnym obrazem (JPEG, PNG, GIF lub WebP)." in response.text
    assert not Photo.objects.exists()


def test_a_too_large_photo_is_refused_in_polish(client, alice, settings):
    settings.MAX_IMAGE_UPLOAD_MB = 0
    client.force_login(alice)
    response = client.post(
        "/admin/meetings/meeting/add/",
        meeting_form(
            new_photos=[upload("duze.jpg", image_bytes())],
            new_photos_alt="Sala",
        ),
    )
    assert response.status_code == 200
    assert "„duze.jpg”: Plik jest za duży" in response.text
    assert not Photo.objects.exists()


def test_alt_text_of_each_photo_is_edited_inline_and_stays_required(client, alice, make_meeting, add_photo):
    meeting = make_meeting()
    photo = add_photo(meeting)
    client.force_login(alice)
    row = {"id": str(photo.pk), "meeting": str(meeting.pk), "alt": "", "caption": "", "position": "1"}
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"photos": [row]}
    )
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 200
    assert "To pole jest wymagane." in response.text

    row["alt"] = "Burmistrz podpisuje porozumienie"
    row["caption"] = "Podpisanie porozumienia"
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"photos": [row]}
    )
    assert client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data).status_code == 302
    photo.refresh_from_db()
    assert (photo.alt, photo.caption) == ("Burmistrz podpisuje porozumienie", "Podpisanie porozumienia")
    assert photo.thumbnail  # renditions kept when only the text changes


def test_deleting_a_photo_removes_its_files(client, alice, make_meeting, add_photo):
    meeting = make_meeting()
    photo = add_photo(meeting)
    paths = [photo.image.path, photo.large.path, photo.thumbnail.path]
    assert all(os.path.exists(p) for p in paths)
    client.force_login(alice)
    row = {
        "id": str(photo.pk),
        "meeting": str(meeting.pk),
        "alt": photo.alt,
        "caption": "",
        "position": "1",
        "DELETE": "on",
    }
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"photos": [row]}
    )
    assert client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data).status_code == 302
    assert not Photo.objects.exists()
    assert not any(os.path.exists(p) for p in paths)


def files_in(folder):
    return sorted(str(path.relative_to(folder)) for path in Path(folder).rglob("*") if path.is_file())


def test_a_save_that_fails_after_the_photos_were_written_leaves_no_files(client, alice, settings, monkeypatch):
    written = []

    def save_then_fail(photo, *args, **kwargs):
        if len(written) == 2:
            raise DataError("the database refused the third photo")
        save(photo, *args, **kwargs)
        written.append(photo.image.path)

    save = Photo.save
    monkeypatch.setattr(Photo, "save", save_then_fail)
    client.force_login(alice)
    client.raise_request_exception = False
    files = [upload(f"sala{n}.png", image_bytes("PNG", size=(900, 600)), "image/png") for n in range(3)]
    response = client.post("/admin/meetings/meeting/add/", meeting_form(new_photos=files, new_photos_alt="Sala obrad"))
    assert response.status_code == 500
    assert len(written) == 2 and all(os.path.exists(os.path.dirname(path)) for path in written)
    assert not Meeting.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_photos_appear_on_the_meeting_page_once_their_copies_are_made(
    client, alice, django_capture_on_commit_callbacks, run_worker
):
    staff = Client()
    staff.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            "/admin/meetings/meeting/add/",
            meeting_form(new_photos=[upload("sala.jpg", image_bytes(size=(900, 600)))], new_photos_alt="Sala obrad"),
        )
    meeting = Meeting.objects.get()
    assert not meeting.photos.get().is_ready
    assert "w przygotowaniu" in staff.get(f"/admin/meetings/meeting/{meeting.pk}/change/").text
    page = client.get(meeting.get_absolute_url()).text
    assert "Sala obrad" not in page and "/male/" not in page
    assert "1 zdjęcie" not in client.get("/spotkania/").text

    with django_capture_on_commit_callbacks(execute=True):  # the worker's commit renews the stored pages
        run_worker()
    photo = meeting.photos.get()
    assert (photo.width, photo.large_width, photo.thumbnail_width) == (900, 900, 480)
    page = client.get(meeting.get_absolute_url()).text
    assert f'src="{photo.thumbnail.url}" alt="Sala obrad"' in page
    assert "1 zdjęcie" in client.get("/spotkania/").text


def test_a_replaced_photo_is_hidden_until_its_new_copies_are_made(
    client, alice, make_meeting, add_photo, django_capture_on_commit_callbacks, run_worker
):
    meeting = make_meeting()
    photo = add_photo(meeting)
    old_files = [photo.image.path, photo.large.path, photo.thumbnail.path]
    client.force_login(alice)
    row = {
        "id": str(photo.pk),
        "meeting": str(meeting.pk),
        "image": upload("nowe.jpg", image_bytes(size=(700, 500))),
        "alt": photo.alt,
        "caption": "",
        "position": "1",
    }
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"photos": [row]}
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data).status_code == 302
    photo.refresh_from_db()
    assert not photo.is_ready and not Photo.objects.ready().exists()
    assert not any(os.path.exists(path) for path in old_files)
    run_worker()
    photo.refresh_from_db()
    assert photo.is_ready and (photo.width, photo.large_width) == (700, 700)


def test_the_copies_are_made_once_however_often_the_task_runs(make_meeting, add_photo):
    from meetings.tasks import make_photo_renditions

    photo = add_photo(make_meeting())
    large = photo.large.name
    assert make_photo_renditions.call(photo.pk) == "already made"
    assert make_photo_renditions.call(photo.pk + 1000) == "deleted"
    photo.refresh_from_db()
    assert photo.large.name == large


def test_photos_added_after_one_at_the_last_position_are_saved(client, alice, make_meeting, add_photo):
    meeting = make_meeting()
    add_photo(meeting, position=32767)
    client.force_login(alice)
    data = meeting_form(
        title=meeting.title,
        slug=meeting.slug,
        date=meeting.date.isoformat(),
        new_photos=[upload(f"sala{n}.jpg", image_bytes()) for n in range(2)],
        new_photos_alt="Sala obrad",
    )
    assert client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data).status_code == 302
    assert list(meeting.photos.values_list("position", flat=True)) == [32767, 32767, 32767]
