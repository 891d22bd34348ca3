"""An editor pins a call for applications to the top of the news and sets the end of its
publication; residents see it first, marked „Przypięty”, until that moment, and then not at all.
The live server runs in this process, so time-machine moves its clock."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

TITLE = "Nabór wniosków na szkolenia"


def test_editor_pins_a_post_and_it_leaves_the_news_at_its_end(page, browser, live_server, staff_in_role, make_post):
    call = make_post(title=TITLE, published_at=timezone.now() - datetime.timedelta(days=10))
    make_post(title="Najnowszy wpis", published_at=timezone.now() - datetime.timedelta(hours=1))
    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto("/aktualnosci/")
    expect(resident.locator("article h2").first).to_have_text("Najnowszy wpis")

    editor = staff_in_role("Redaktor")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url=f"/admin/news/post/{call.pk}/change/")
    expect(page.get_by_text("Opcjonalnie, np. gdy kończy się nabór")).to_be_visible()
    page.locator("#id_unpublish_at_0").fill("2001-01-01")  # before the publication: refused
    page.locator("#id_unpublish_at_1").fill("12:00:00")
    page.get_by_label("Przypięty").check()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".field-unpublish_at .errorlist")).to_have_text(
        "Koniec publikacji musi być późniejszy niż data publikacji."
    )
    expect(page.get_by_label("Przypięty")).to_be_checked()  # what was chosen is kept

    end = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1), datetime.time(15, 0))
    )
    page.locator("#id_unpublish_at_0").fill(end.strftime("%Y-%m-%d"))
    page.locator("#id_unpublish_at_1").fill("15:00:00")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Wpis zniknie ze strony")
    expect(page.get_by_role("row", name=TITLE)).to_contain_text("Opublikowany do")
    expect(page.get_by_role("row", name=TITLE)).to_contain_text("przypięty")

    resident.reload()
    first = resident.locator("article").first
    expect(first.locator("h2")).to_have_text(TITLE)
    expect(first.locator(".pinned")).to_have_text("Przypięty")
    assert not run_axe(resident), format_violations(run_axe(resident))
    resident.goto("/")
    expect(resident.locator(".home-news article").first).to_contain_text("Przypięty")

    with time_machine.travel(end + datetime.timedelta(seconds=1)):
        resident.goto("/aktualnosci/")
        expect(resident.get_by_role("link", name=TITLE)).to_have_count(0)  # gone at its end, with no save
        expect(resident.locator("article h2").first).to_have_text("Najnowszy wpis")
        response = resident.goto(call.get_absolute_url())
        assert response.status == 404
    resident.context.close()
