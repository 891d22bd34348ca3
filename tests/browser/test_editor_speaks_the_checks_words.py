"""In Chromium, the editor names its area and its image buttons as the content checks do."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def test_the_editor_area_and_badge_have_no_english(page, alice, category):
    log_in_to_admin(page, alice, next_url="/admin/news/post/add/")
    body = page.locator(".ck-editor__editable").first
    body.click()
    label = body.get_attribute("aria-label")
    assert "main" not in label and label.startswith("Edytor tekstu"), label
    assert label == "Edytor tekstu. Obszar edycji treści. Naciśnij Alt+0, aby uzyskać pomoc.", label
    page.keyboard.type("Tekst wpisu.")
    expect(page.locator(".ck-powered-by")).not_to_contain_text("Powered by")
