"""With the whole-page cache on, as in production: what one reader changes, the next reader sees."""

import re
import time

import pytest
from playwright.sync_api import expect

from pagecache import versions

pytestmark = pytest.mark.browser


def content_last_changed_yesterday():
    # Pages then say Last-Modified: yesterday, from which a browser would guess a freshness.
    state = {**versions.bump(), "at": time.time() - 24 * 3600}
    versions.cache.set(versions.VERSION_KEY, state, None)


def test_a_vote_shows_to_another_reader_on_their_next_visit(browser, live_server, make_post):
    post = make_post(title="Nabór na staże", body="<p>Urząd pracy zaprasza na staże.</p>")
    content_last_changed_yesterday()
    voter = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    neighbour = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    rating = neighbour.locator("#ocena")

    for _ in range(2):  # the second visit: from the page cache, or a 304 for the browser's copy
        response = neighbour.goto(post.get_absolute_url())
        expect(rating).to_contain_text("Brak ocen")
    assert "no-cache" in response.headers["cache-control"]

    voter.goto(post.get_absolute_url())
    voter.get_by_role("radio", name=re.compile("^4")).check()
    voter.get_by_role("button", name="Oceń wpis").click()
    expect(voter.get_by_text("Dziękujemy za ocenę: 4 / 5.")).to_be_visible()

    neighbour.goto(post.get_absolute_url())
    expect(rating).to_contain_text("4,0 / 5 – 1 ocena")
    voter.context.close()
    neighbour.context.close()
