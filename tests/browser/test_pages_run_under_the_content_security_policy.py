"""In Chromium, the strict Content-Security-Policy breaks nothing: public pages
and the admin post editor (CKEditor 5) load and run with no CSP violation."""

import pytest

from pages.models import Page
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def record_csp_violations(tab):
    tab.violations = []
    tab.on("console", lambda m: "Content Security Policy" in m.text and tab.violations.append(m.text))
    return tab


def open_page(tab, url):
    response = tab.goto(url)
    tab.wait_for_load_state("networkidle")
    return response


def test_public_pages_run_under_the_policy(page, make_post):
    post = make_post(title="Spotkanie partnerów")
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", body="<p>Dane</p>")
    tab = record_csp_violations(page)
    for path in ["/", "/aktualnosci/", post.get_absolute_url(), "/polityka-prywatnosci/", "/nie-ma-takiej/"]:
        response = open_page(tab, path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
    # site.js runs: on a phone the menu link becomes a button that opens the menu.
    tab.set_viewport_size({"width": 390, "height": 844})
    open_page(tab, "/")
    tab.get_by_role("button", name="Menu").click()
    tab.wait_for_selector("[data-menu-button][aria-expanded=true]")
    assert tab.violations == []


def test_admin_post_editor_runs_under_the_policy(page, alice, make_post):
    post = make_post(
        body='<p>Wstęp</p><figure class="image"><img src="/static/img/x.png" alt="Uczestnicy spotkania w sali">'
        "<figcaption>Podpis</figcaption></figure><table><tr><td>Komórka</td></tr></table>"
    )
    tab = record_csp_violations(page)
    log_in_to_admin(tab, alice)
    for path in ["/admin/news/post/", "/admin/news/post/add/", f"/admin/news/post/{post.pk}/change/"]:
        open_page(tab, path)
    editor = tab.wait_for_selector(".ck-editor__editable")
    assert "Komórka" in editor.inner_text()
    editor.click()
    tab.keyboard.type("Dopisane w edytorze.")
    tab.click("input[name=_save]")
    tab.wait_for_url("**/admin/news/post/")
    open_page(tab, post.get_absolute_url())
    assert "Dopisane w edytorze." in tab.inner_text("main")
    assert tab.violations == []
