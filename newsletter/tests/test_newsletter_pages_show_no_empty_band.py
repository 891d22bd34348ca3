"""Where the footer's sign-up box would repeat the page (the newsletter's own pages), it goes with its band."""

import pytest

from newsletter.tokens import confirm_token, unsubscribe_token

BAND = 'class="footer-newsletter"'


def test_other_pages_keep_the_footer_sign_up_box(client, db):
    assert BAND in client.get("/kontakt/").text


def test_the_newsletter_page_has_no_empty_footer_band(client, db):
    html = client.get("/newsletter/").text
    assert BAND not in html
    assert 'id="newsletter-box-title"' not in html


@pytest.mark.parametrize("page", ["confirm", "unsubscribe", "preferences"])
def test_a_subscribers_own_pages_offer_no_second_sign_up(client, make_subscriber, page):
    subscriber = make_subscriber(email="ala@example.com")
    token = confirm_token(subscriber) if page == "confirm" else unsubscribe_token(subscriber)
    path = {"confirm": "potwierdz", "unsubscribe": "wypisz", "preferences": "ustawienia"}[page]
    response = client.get(f"/newsletter/{path}/{token}/")
    assert response.status_code == 200
    assert BAND not in response.text
