"""An editor says which part of a post's illustration matters; the home page's card, which crops
the illustration to 4:3, keeps that part in view for residents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from conftest import image_bytes
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def test_the_chosen_part_of_the_illustration_stays_in_the_card(page, browser, live_server, alice, make_post):
    post = make_post(
        title="Targi pracy w hali sportowej",
        image=SimpleUploadedFile("hala.jpg", image_bytes(size=(800, 1200))),  # tall: a 4:3 card crops it
        image_alt="Stoiska pracodawców w hali sportowej",
    )
    log_in_to_admin(page, alice, next_url=f"/admin/news/post/{post.pk}/change/")
    page.get_by_label("Najważniejsza część ilustracji:").select_option(label="górny środek")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL", viewport={"width": 390, "height": 844})
    home = resident.new_page()
    home.goto("/")
    card = home.locator("article.tile", has_text="Targi pracy w hali sportowej").locator("img.card-image")
    expect(card).to_have_class("card-image focus-top")
    position = card.evaluate("image => getComputedStyle(image).objectPosition")
    assert position == "50% 0%", position
    box = card.bounding_box()
    assert abs(box["width"] / box["height"] - 4 / 3) < 0.02  # cropped, not squeezed
    resident.close()
