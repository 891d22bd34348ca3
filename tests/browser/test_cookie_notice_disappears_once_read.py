import pytest

pytestmark = pytest.mark.browser

NOTICE = "Informacja o plikach cookie"


def test_with_javascript_the_notice_goes_away_without_a_reload(page, site_content):
    page.goto(site_content["wpis"])
    page.evaluate("() => { window.sameDocument = true; }")
    page.get_by_role("button", name="Rozumiem").click()
    page.get_by_role("region", name=NOTICE).wait_for(state="detached")
    assert page.evaluate("() => window.sameDocument === true"), "the page was not reloaded"
    page.goto("/aktualnosci/")
    assert page.get_by_role("region", name=NOTICE).count() == 0


def test_without_javascript_the_form_is_sent_and_the_next_page_has_no_notice(page_without_js, site_content):
    page = page_without_js
    page.goto(site_content["wpis"])
    page.get_by_role("button", name="Rozumiem").click()
    page.wait_for_load_state()
    assert page.url.endswith(site_content["wpis"]), "back on the page the visitor was reading"
    assert page.get_by_role("region", name=NOTICE).count() == 0
    page.goto("/")
    assert page.get_by_role("region", name=NOTICE).count() == 0
