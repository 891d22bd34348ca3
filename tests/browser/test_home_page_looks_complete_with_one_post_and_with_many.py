"""The home page looks finished whatever the number of posts: one post fills its row, many posts sit
in cards of one height, with or without an image; no brand kicker repeats the header."""

import pytest
from django.core.files.base import ContentFile

from conftest import image_bytes

pytestmark = pytest.mark.browser


def _cards(page):
    return [card.bounding_box() for card in page.locator(".home-news .tile").all()]


def test_a_single_post_fills_the_news_column(page, make_post):
    make_post(title="Jedyny wpis", lead="Krótki wstęp.")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/")
    (card,) = _cards(page)
    column = page.locator(".home-news .card-grid").bounding_box()
    assert card["width"] == pytest.approx(column["width"], abs=1)
    assert page.locator(".home-lead").get_by_text("Partnerstwo Lokalne Powiatu Nowodworskiego").count() == 0


@pytest.mark.parametrize("width", [1366, 390])
def test_many_posts_with_and_without_images_sit_in_cards_of_one_height(page, make_post, width):
    for n in range(4):
        illustrated = {"image": ContentFile(image_bytes(size=(800, 400)), name=f"wpis{n}.jpg"), "image_alt": "Sala"}
        make_post(
            title=f"Wpis {n} " + "o stażach i szkoleniach " * n,
            lead="Wstęp wpisu. " * (n + 1),
            **(illustrated if n % 2 else {}),
        )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    cards = _cards(page)
    assert len(cards) == 4
    assert max(card["height"] for card in cards) - min(card["height"] for card in cards) < 1
