"""Full-page Chromium screenshots of every page type at a phone and a desktop width.

Not a test (the file name keeps pytest from collecting it by default): `make screenshots` runs it
and writes PNG files to screenshots/ (ignored by git), one per page type and width, for a person to look at.
"""

import os
import re
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.helpers import visit

OUT = Path(os.environ.get("SCREENSHOTS_DIR", Path(settings.BASE_DIR) / "screenshots"))
WIDTHS = {"telefon": (390, 844), "komputer": (1366, 768)}
# PAGES="wpis,strona główna" limits the run to page types whose names contain one of these words.
ONLY = [word.strip() for word in os.environ.get("PAGES", "").split(",") if word.strip()]


def _file_name(text):
    ascii_text = unicodedata.normalize("NFKD", text.replace("ł", "l")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@pytest.mark.browser
@pytest.mark.parametrize("device", WIDTHS)
def test_screenshots(browser, live_server, site_content, device):
    width, height = WIDTHS[device]
    OUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        base_url=live_server.url,
        locale="pl-PL",
        timezone_id=settings.TIME_ZONE,
        viewport={"width": width, "height": height},
    )
    page = context.new_page()
    written = []
    for name, target in site_content.items():
        if ONLY and not any(word in name for word in ONLY):
            continue
        visit(page, target)
        path = OUT / f"{_file_name(name)}-{width}.png"
        page.screenshot(path=path, full_page=True)
        written.append(path)
        if page.locator("[data-gallery] a").count():
            # The photo viewer too, open on the first photo.
            page.locator("[data-gallery] a").first.click()
            page.locator("dialog.viewer").wait_for()
            path = OUT / f"{_file_name(name)}-przegladarka-zdjec-{width}.png"
            page.screenshot(path=path)
            written.append(path)
            page.keyboard.press("Escape")
    context.close()
    assert all(path.stat().st_size > 0 for path in written)
    print(f"\n{len(written)} screenshots at {width} px in {OUT}")
