"""An editor opens a post with a captioned block image, edits the text and saves: the image stays
a block image with its caption and alt text, in the editor and on the page."""

import pytest
from playwright.sync_api import expect

from news.models import Post
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

FIGURE = (
    '<figure class="image"><img src="/static/favicon.svg" alt="Znak Partnerstwa Lokalnego">'
    "<figcaption>Znak partnerstwa</figcaption></figure>"
)


def test_a_captioned_image_survives_two_saves_in_the_editor(page, alice, make_post):
    post = make_post(body=f"<p>Wstęp.</p>{FIGURE}")
    log_in_to_admin(page, alice, next_url=f"/admin/news/post/{post.pk}/change/")
    for addition in ["Pierwsza poprawka.", "Druga poprawka."]:
        body = page.locator(".ck-editor__editable")
        expect(body.locator("figure.image figcaption")).to_have_text("Znak partnerstwa")
        body.locator("p").first.click()
        page.keyboard.press("End")
        page.keyboard.type(f" {addition}")
        page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
        expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")

    saved = Post.objects.get(pk=post.pk).body
    assert FIGURE in saved, saved
    assert "Druga poprawka." in saved
    page.goto(post.get_absolute_url())
    figure = page.locator(".rich-text figure.image")
    expect(figure.locator("img")).to_have_attribute("alt", "Znak Partnerstwa Lokalnego")
    expect(figure.locator("figcaption")).to_have_text("Znak partnerstwa")
