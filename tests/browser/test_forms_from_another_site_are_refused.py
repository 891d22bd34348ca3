"""A hostile page on another origin cannot post the portal's forms; the portal's own forms work from cached pages.

Pages come from the whole-page cache, which joins each visitor's CSRF token (Django's get_token())
into the stored page: the token is still the only way in.
"""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from news.models import Rating
from newsletter.models import Subscriber

pytestmark = pytest.mark.browser


@pytest.fixture
def hostile_site():
    """A second local server on another port (another origin): serve(html) returns its address."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(path, html):
        pages[path] = html
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield serve
    server.shutdown()
    server.server_close()


def _auto_submit(action, fields):
    inputs = "".join(f'<input type="hidden" name="{name}" value="{value}">' for name, value in fields.items())
    return (
        f'<!doctype html><html lang="pl"><body><form id="f" method="post" action="{action}">{inputs}</form>'
        '<script>document.getElementById("f").submit()</script></body></html>'
    )


def test_a_vote_posted_from_another_site_is_refused(page, live_server, make_post, hostile_site):
    post = make_post(title="Nabór na staże")
    page.goto(post.get_absolute_url())  # the visitor has the portal's CSRF cookie
    page.goto(post.get_absolute_url())
    hostile = hostile_site(
        "/wygrana.html", _auto_submit(f"{live_server.url}{post.get_absolute_url()}ocena/", {"value": 1})
    )
    page.goto(hostile)
    expect(page.get_by_role("heading", name="Formularz wygasł")).to_be_visible()
    assert not Rating.objects.exists()


def test_a_newsletter_signup_posted_from_another_site_is_refused(page, live_server, hostile_site):
    page.goto("/")
    hostile = hostile_site(
        "/zapis.html",
        _auto_submit(
            f"{live_server.url}/newsletter/", {"email": "ofiara@example.com", "topics": "all", "consent": "on"}
        ),
    )
    page.goto(hostile)
    expect(page.get_by_role("heading", name="Formularz wygasł")).to_be_visible()
    assert not Subscriber.objects.exists()


def test_the_portals_own_form_works_from_a_cached_page(browser, live_server, make_post):
    post = make_post(title="Nabór na staże")
    first = browser.new_context(base_url=live_server.url, locale="pl-PL")
    first.new_page().goto(post.get_absolute_url())  # renders and stores the page
    first.close()
    visitor = browser.new_context(base_url=live_server.url, locale="pl-PL")
    page = visitor.new_page()
    response = page.goto(post.get_absolute_url())
    assert response.headers["x-page-cache"] == "hit"
    page.get_by_role("radio", name=re.compile("^4")).check()
    page.get_by_role("button", name="Oceń wpis").click()
    expect(page.get_by_text("Dziękujemy za ocenę: 4 / 5.")).to_be_visible()
    assert Rating.objects.get().value == 4
    visitor.close()
