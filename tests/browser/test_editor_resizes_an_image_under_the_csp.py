"""An editor makes an image half as wide under the strict CSP: the size comes from the image
toolbar's list as a class (no inline style to block), the drag handles drawn with inline styles
are gone, and the post shows the image at half the text's width."""

import re

import pytest
from playwright.sync_api import expect

from news.models import Post
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

FIGURE = '<figure class="image"><img src="/static/favicon.svg" alt="Znak Partnerstwa Lokalnego"></figure>'


def width_share(locator, container):
    """The element's width as a share of its container's (0.5 = half)."""
    return locator.evaluate(
        "(el, sel) => el.getBoundingClientRect().width / el.closest(sel).getBoundingClientRect().width", container
    )


def test_an_image_made_half_as_wide_is_half_as_wide_on_the_page(page, alice, make_post):
    post = make_post(body=f"<p>Wstęp.</p>{FIGURE}")
    log_in_to_admin(page, alice, next_url=f"/admin/news/post/{post.pk}/change/")
    body = page.locator(".ck-editor__editable")
    figure = body.locator("figure.image")
    figure.locator("img").click()
    # What a screen reader hears of the selected image: no „widżet”.
    expect(page.locator(".ck-fake-selection-container")).to_contain_text(
        "Znak Partnerstwa Lokalnego Obraz. Naciśnij Enter, aby pisać za tym elementem, albo Shift + Enter, "
        "aby pisać przed nim"
    )
    toolbar = page.locator(".ck-balloon-panel_visible")
    toolbar.get_by_role("button", name="Zmień rozmiar obrazu").click()
    page.get_by_role("menuitemradio", name="Połowa szerokości").click()

    expect(figure).to_have_class(re.compile(r"\bimage-width-50\b"))
    assert 0.45 < width_share(figure, ".ck-editor__editable") < 0.55
    # The handles would sit in one corner (their inline styles are blocked): they are switched off.
    expect(page.locator(".ck-widget__resizer")).to_be_hidden()

    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")
    saved = Post.objects.get(pk=post.pk).body
    assert '<figure class="image image-width-50">' in saved, saved
    assert "style=" not in saved
    # Opened again, the editor reads the class back as the size.
    expect(page.locator(".ck-editor__editable figure.image")).to_have_class(re.compile(r"\bimage-width-50\b"))

    page.goto(post.get_absolute_url())
    shown = page.locator(".rich-text figure.image")
    expect(shown).to_have_class("image image-width-50")
    assert 0.45 < width_share(shown, ".rich-text") < 0.55


def test_the_full_size_takes_the_class_away(page, alice, make_post):
    post = make_post(body=FIGURE.replace('class="image"', 'class="image image-width-25"'))
    log_in_to_admin(page, alice, next_url=f"/admin/news/post/{post.pk}/change/")
    page.locator(".ck-editor__editable figure.image img").click()
    page.locator(".ck-balloon-panel_visible").get_by_role("button", name="Zmień rozmiar obrazu").click()
    page.get_by_role("menuitemradio", name="Pełny rozmiar").click()
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")
    saved = Post.objects.get(pk=post.pk).body
    assert '<figure class="image"><img src="/static/favicon.svg"' in saved, saved
    assert "image-width" not in saved
