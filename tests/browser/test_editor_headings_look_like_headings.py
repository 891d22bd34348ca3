import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

STYLE = """el => { const s = getComputedStyle(el); return {size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight),
    marginTop: parseFloat(s.marginTop), transform: s.textTransform, color: s.color}; }"""


def choose_heading(page, name):
    page.locator(".ck-toolbar .ck-heading-dropdown button").first.click()
    page.locator(".ck-heading-dropdown .ck-list").get_by_role("menuitemradio", name=name).click()


def test_headings_in_the_editor_look_like_headings(page, alice, category):
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    response = page.request.get("/admin/login/")
    assert "style-src 'self'" in response.headers["content-security-policy"]
    log_in_to_admin(page, alice, next_url="/admin/news/post/add/")
    body = page.locator(".ck-editor__editable")
    body.click()
    choose_heading(page, "Nagłówek 2")
    page.keyboard.type("Program spotkania")
    page.keyboard.press("Enter")
    page.keyboard.type("Zwykły akapit treści wpisu.")
    page.keyboard.press("Enter")
    choose_heading(page, "Nagłówek 3")
    page.keyboard.type("Dojazd")

    expect(body.locator("h2")).to_have_text("Program spotkania")
    expect(body.locator("h3")).to_have_text("Dojazd")
    h2, h3, p = (body.locator(tag).first.evaluate(STYLE) for tag in ("h2", "h3", "p"))
    # The look comes from a stylesheet of our own, which the Content-Security-Policy ('self') lets in.
    expect(page.locator('link[rel="stylesheet"][href$="css/editor.css"]')).to_have_count(1)
    assert h2["size"] >= 1.5 * p["size"], (h2, p)
    assert p["size"] < h3["size"] < h2["size"], (h3, p)
    assert h2["weight"] >= 600 and h3["weight"] >= 600
    assert h2["transform"] == "none" and h3["transform"] == "none"
    assert not [m for m in console if re.search("Content Security Policy|Refused", m)], console
