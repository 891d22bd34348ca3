"""The PJM page with a recording: the browser's own player, reached by keyboard, with Polish captions and
the transcript below; axe finds nothing on it (the page without a recording is among every page type)."""

import pytest
from django.core.files.base import ContentFile

from conftest import image_bytes
from tests.browser.helpers import focus_ring, format_violations, run_axe

pytestmark = pytest.mark.browser

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def test_the_recording_is_a_native_player_with_captions_reached_by_tab(page, settings, tmp_path):
    from pages.models import ActivityInformation

    settings.MEDIA_ROOT = tmp_path
    info = ActivityInformation.load()
    info.sign_language_video = ContentFile(MP4, "pjm.mp4")
    info.sign_language_poster = ContentFile(image_bytes(size=(640, 360)), "plakat.jpg")
    info.sign_language_captions = ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nPartnerstwo.\n", "pjm.vtt")
    info.sign_language_transcript = "Partnerstwo to współpraca instytucji powiatu."
    info.save()

    page.goto("/jezyk-migowy/")
    video = page.locator("main video")
    assert video.get_attribute("controls") is not None
    assert video.locator("track[kind='captions'][srclang='pl']").count() == 1
    assert page.get_by_text("Partnerstwo to współpraca instytucji powiatu.").is_visible()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "VIDEO":
            break
    else:
        raise AssertionError("the player is not reached with Tab")
    assert focus_ring(page)["visible"]
    violations = run_axe(page)
    assert not violations, format_violations(violations)
