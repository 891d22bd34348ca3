import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from core.media import validate_captions, validate_video
from pages.models import AccessibilityStatement, ActivityInformation, Coordinator
from pages.review import send_review_reminders

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nPartnerstwo to wsp\xc3\xb3\xc5\x82praca.\n"


def test_the_three_forms_are_linked_from_every_page(client, db):
    html = client.get("/").text
    for url in ("/tekst-latwy-do-czytania/", "/jezyk-migowy/", "/informacja-o-dzialalnosci/"):
        assert f'href="{url}"' in html
    assert "Tekst łatwy do czytania – </span>ETR" in html
    assert "BIP</a>" not in html  # no BIP address set


def test_the_bip_sign_shows_when_the_address_is_set(client, db):
    Coordinator.objects.create(bip_url="https://bip.example.gov.pl/")
    html = client.get("/").text
    assert '<a href="https://bip.example.gov.pl/"><svg' in html


def test_demo_easy_to_read_page_and_text_download(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = client.get("/tekst-latwy-do-czytania/").text
    assert "Partnerstwo to współpraca." in html
    response = client.get("/informacja-o-dzialalnosci.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "19 kwietnia 2018 r." in response.text
    assert AccessibilityStatement.objects.get().published_on is not None


def test_text_download_is_404_without_text(client, db):
    assert client.get("/informacja-o-dzialalnosci.txt").status_code == 404


def test_sign_language_page_without_recording_says_how_to_ask(client, db):
    Coordinator.objects.create(phone="22 111 11 11")
    html = client.get("/jezyk-migowy/").text
    assert "<video" not in html
    assert "tłumaczem polskiego języka migowego" in html and 'href="tel:221111111"' in html


def test_sign_language_page_with_recording_has_a_native_player_with_captions(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    info = ActivityInformation(
        sign_language_video=SimpleUploadedFile("pjm.mp4", MP4),
        sign_language_captions=SimpleUploadedFile("pjm.vtt", VTT),
        sign_language_transcript="Partnerstwo to współpraca.",
    )
    info.full_clean()
    info.save()
    html = client.get("/jezyk-migowy/").text
    assert "<video controls" in html and 'type="video/mp4"' in html
    assert '<track kind="captions" srclang="pl"' in html
    assert "Transkrypcja nagrania" in html


@pytest.mark.parametrize(
    ("name", "content"),
    [("film.mp4", b"not a video at all, just text" * 3), ("film.webm", MP4), ("film.avi", MP4)],
)
def test_only_mp4_and_webm_recordings_are_accepted(name, content):
    with pytest.raises(ValidationError, match="MP4 i WebM"):
        validate_video(SimpleUploadedFile(name, content))


def test_captions_must_be_webvtt():
    validate_captions(SimpleUploadedFile("napisy.vtt", VTT))
    with pytest.raises(ValidationError, match="WebVTT"):
        validate_captions(SimpleUploadedFile("napisy.srt", b"1\n00:00:00,000 --> 00:00:02,000\nTekst\n"))


def test_a_recording_needs_captions_and_a_transcript(db):
    info = ActivityInformation(sign_language_video=SimpleUploadedFile("pjm.mp4", MP4))
    with pytest.raises(ValidationError) as error:
        info.full_clean()
    assert "sign_language_captions" in error.value.message_dict


@pytest.mark.parametrize("url", ["/tekst-latwy-do-czytania/", "/jezyk-migowy/", "/informacja-o-dzialalnosci/"])
def test_query_budget_of_the_three_pages(client, db, django_assert_max_num_queries, cold_render, url):
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200


def test_review_reminders_go_to_administrators_on_1_and_25_march_once(
    monkeypatch, db, django_user_model, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("pages.review.send_later", lambda subject, body, to: sent.append((subject, body, to)))
    django_user_model.objects.create_user("root@example.gov.pl", "root@example.gov.pl", is_superuser=True)
    django_user_model.objects.create_user("reader@example.gov.pl", "reader@example.gov.pl")
    AccessibilityStatement.objects.create(prepared_on=datetime.date(2026, 2, 1), non_compliances="x")
    assert send_review_reminders(datetime.date(2027, 2, 28)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders(datetime.date(2027, 3, 1)) == 1
    assert send_review_reminders(datetime.date(2027, 3, 1)) == 0  # once a date
    assert send_review_reminders(datetime.date(2027, 3, 10)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders(datetime.date(2027, 3, 26)) == 1  # made up the day after the 25th
    AccessibilityStatement.objects.filter(pk=1).update(reviewed_on=datetime.date(2027, 3, 27))
    assert send_review_reminders(datetime.date(2028, 2, 1)) == 0
    assert [to for _, _, to in sent] == [["root@example.gov.pl"], ["root@example.gov.pl"]]
    assert sent[1][0].startswith("Ostatnie przypomnienie") and "31 marca" in sent[0][1]
