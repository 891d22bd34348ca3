"""A form refused for an error keeps every chosen file: the next save takes it without a new choice.

Browsers cannot refill a file input; the portal keeps the upload under a signed token
(drafts/uploads.py) for every single-file input of every admin form and inline.
"""

import datetime
import io
import re

import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from adminsite.tests.forms import change_form_data
from conftest import image_bytes, pdf_bytes
from drafts.models import KeptFile
from drafts.uploads import KEPT_SUFFIX
from meetings.models import Document, Meeting
from meetings.tests.admin_forms import meeting_form
from news.models import Post

KEPT = "jest zachowany i zostanie zapisany razem z formularzem"


def post_form(category, **fields):
    data = {
        "title": "Targi pracy w Nowym Dworze",
        "slug": "",
        "category": str(category.pk),
        "lead": "Zapraszamy na targi.",
        "body": "<p>Treść wpisu.</p>",
        "image_alt": "",
        "status": "draft",
        "published_at_0": "2026-12-05",
        "published_at_1": "10:00",
        "author": "",
    }
    data.update(fields)
    return data


def photo(name="targi.jpg"):
    return SimpleUploadedFile(name, image_bytes(size=(800, 500)), content_type="image/jpeg")


def test_a_post_refused_for_its_alt_text_keeps_the_chosen_image(client, alice, category):
    client.force_login(alice)
    refused = client.post("/admin/news/post/add/", post_form(category, image=photo()))
    assert refused.status_code == 200
    assert "Podaj tekst alternatywny ilustracji." in refused.text
    assert "Wybrany wcześniej plik „targi.jpg” (" in refused.text and KEPT in refused.text
    assert 'aria-describedby="id_image_kept"' in refused.text
    assert not Post.objects.exists()

    again = change_form_data(refused)
    assert again[f"image{KEPT_SUFFIX}"]
    again["image_alt"] = "Stoiska pracodawców w hali sportowej"
    assert client.post("/admin/news/post/add/", again).status_code == 302  # no file chosen this time
    post = Post.objects.get()
    assert post.image.name.startswith("aktualnosci/") and post.image.size > 0


def test_a_file_refused_itself_is_not_kept(client, alice, category):
    client.force_login(alice)
    fake = SimpleUploadedFile("zdjecie.jpg", b"<html>nie obraz</html>", content_type="image/jpeg")
    refused = client.post("/admin/news/post/add/", post_form(category, image=fake, image_alt="Opis"))
    assert refused.status_code == 200
    assert KEPT not in refused.text
    assert not KeptFile.objects.exists()


def test_staff_may_drop_a_kept_file(client, alice, category):
    client.force_login(alice)
    again = change_form_data(client.post("/admin/news/post/add/", post_form(category, image=photo())))
    again["image__kept_drop"] = "on"
    assert client.post("/admin/news/post/add/", again).status_code == 302
    assert not Post.objects.get().image


def test_a_forged_or_old_token_brings_no_file(client, alice, category):
    client.force_login(alice)
    again = change_form_data(client.post("/admin/news/post/add/", post_form(category, image=photo())))
    forged = {**again, f"image{KEPT_SUFFIX}": again[f"image{KEPT_SUFFIX}"][:-2] + "xx", "title": "Pierwszy"}
    assert client.post("/admin/news/post/add/", forged).status_code == 302
    assert not Post.objects.get(title="Pierwszy").image
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25)):
        assert client.post("/admin/news/post/add/", {**again, "title": "Drugi"}).status_code == 302
    assert not Post.objects.get(title="Drugi").image


def test_a_meeting_refused_for_another_row_keeps_the_chosen_document(client, alice):
    meeting = Meeting.objects.create(title="Spotkanie partnerów", date=timezone.localdate())
    client.force_login(alice)
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    row = {"title": "", "file": SimpleUploadedFile("protokol.pdf", pdf_bytes()), "position": "0"}
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"documents": [row]}
    )
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Wybrany wcześniej plik „protokol.pdf”" in refused.text
    assert not Document.objects.exists()

    again = change_form_data(refused)
    again["documents-0-title"] = "Protokół ze spotkania"
    assert client.post(url, again).status_code == 302
    document = Document.objects.get()
    assert document.title == "Protokół ze spotkania" and document.kind == "pdf"


def test_kept_copies_are_deleted_by_the_daily_duties(client, alice, category):
    client.force_login(alice)
    refused = client.post("/admin/news/post/add/", post_form(category, image=photo()))
    path = KeptFile.objects.get().path
    assert re.match(r"przechowane/[0-9a-f]{32}/targi\.jpg$", path) and default_storage.exists(path)
    assert refused.status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=23)):
        call_command("daily", stdout=io.StringIO())
    assert KeptFile.objects.exists()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25)):
        out = io.StringIO()
        call_command("daily", stdout=out)
    assert "Deleted 1 kept files." in out.getvalue()
    assert not KeptFile.objects.exists() and not default_storage.exists(path)


def test_a_meeting_refused_for_the_photos_alt_text_keeps_every_chosen_photo(client, alice):
    meeting = Meeting.objects.create(title="Spotkanie partnerów", date=timezone.localdate())
    client.force_login(alice)
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    data = meeting_form(title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat())
    data["new_photos"] = [photo("sala.jpg"), photo("stol.jpg")]
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Podaj tekst alternatywny dodawanych zdjęć." in refused.text
    assert "Wybrane wcześniej pliki (2): „sala.jpg”" in refused.text and "„stol.jpg”" in refused.text
    assert "Nie zapisuj tych plików" in refused.text

    again = change_form_data(refused)
    assert len(again[f"new_photos{KEPT_SUFFIX}"]) == 2
    again["new_photos_alt"] = "Partnerzy przy stole obrad"
    assert client.post(url, again).status_code == 302
    assert sorted(meeting.photos.values_list("alt", flat=True)) == ["Partnerzy przy stole obrad"] * 2


def test_a_sign_language_video_waits_for_its_captions(client, alice):
    from pages.models import ActivityInformation

    info = ActivityInformation.objects.first() or ActivityInformation.objects.create()
    url = f"/admin/pages/activityinformation/{info.pk}/change/"
    client.force_login(alice)
    form = change_form_data(client.get(url))
    mp4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
    refused = client.post(url, {**form, "sign_language_video": SimpleUploadedFile("pjm.mp4", mp4)})
    assert refused.status_code == 200
    assert "Wybrany wcześniej plik „pjm.mp4”" in refused.text  # refused: no captions yet

    again = change_form_data(refused)
    again["sign_language_captions"] = SimpleUploadedFile("napisy.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nTekst.\n")
    again["sign_language_transcript"] = "Partnerstwo to współpraca urzędów i gmin."
    assert client.post(url, again).status_code == 302
    info.refresh_from_db()
    assert info.sign_language_video and info.sign_language_captions
