"""In Chromium, the strict Content-Security-Policy breaks nothing: public pages
and the admin post editor (CKEditor 5) load and run with no CSP violation."""

from contextlib import contextmanager
from pathlib import Path

import pytest

from partnerstwo.models import Page

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed"),
]


@pytest.fixture(autouse=True)
def _sync_orm_beside_playwright(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@contextmanager
def chromium_tab():
    """A browser tab that records CSP violations reported in its console.

    Create the test data before opening it: a query made while Playwright's
    event loop runs gets a connection of its own that is never closed.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page()
        tab.violations = []
        tab.on("console", lambda m: "Content Security Policy" in m.text and tab.violations.append(m.text))
        try:
            yield tab
        finally:
            browser.close()


def open_page(tab, url):
    response = tab.goto(url)
    tab.wait_for_load_state("networkidle")
    return response


def test_public_pages_run_under_the_policy(live_server, make_post):
    post = make_post(title="Spotkanie partnerów")
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", body="<p>Dane</p>")
    paths = ["/", "/aktualnosci/", post.get_absolute_url(), "/polityka-prywatnosci/", "/nie-ma-takiej/"]
    with chromium_tab() as tab:
        for path in paths:
            response = open_page(tab, live_server.url + path)
            assert "script-src 'self'" in response.headers["content-security-policy"], path
        # site.js runs: the cookie notice goes away without a page load.
        open_page(tab, live_server.url + "/")
        tab.get_by_role("button", name="Zrozumiałem/am").click()
        tab.wait_for_selector("[data-cookie-notice]", state="detached")
        assert tab.violations == []


def test_admin_post_editor_runs_under_the_policy(live_server, alice, make_post):
    post = make_post(body='<p>Wstęp</p><figure class="image"><img src="/static/img/x.png" alt="Zdjęcie">'
                          "<figcaption>Podpis</figcaption></figure><table><tr><td>Komórka</td></tr></table>")
    with chromium_tab() as tab:
        open_page(tab, live_server.url + "/admin/login/")
        tab.fill("#id_username", "alice@pup.example")
        tab.fill("#id_password", "alice-haslo-123")
        tab.click("input[type=submit]")
        tab.wait_for_url(live_server.url + "/admin/")
        for path in ["/admin/news/post/", "/admin/news/post/add/", f"/admin/news/post/{post.pk}/change/"]:
            open_page(tab, live_server.url + path)
        editor = tab.wait_for_selector(".ck-editor__editable")
        assert "Komórka" in editor.inner_text()
        editor.click()
        tab.keyboard.type("Dopisane w edytorze.")
        tab.click("input[name=_save]")
        tab.wait_for_url(live_server.url + "/admin/news/post/")
        open_page(tab, live_server.url + post.get_absolute_url())
        assert "Dopisane w edytorze." in tab.inner_text("main")
        assert tab.violations == []
