"""A Redaktor publishes two drafts at once from the list of posts and moves them to another category."""

import pytest
from playwright.sync_api import expect

from news.models import Category, Post
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

FIRST = "Nabór wniosków o dotacje"
SECOND = "Targi pracy w Nowym Dworze Gdańskim"


def test_redaktor_publishes_two_drafts_and_changes_their_category(page, browser, live_server, staff_in_role, make_post):
    announcements = Category.objects.create(name="Ogłoszenia", slug="ogloszenia")
    drafts = [make_post(title=title, status=Post.Status.DRAFT) for title in (FIRST, SECOND)]
    make_post(title="Wpis, który zostaje bez zmian")
    editor = staff_in_role("Redaktor")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url="/admin/news/post/?stan=szkic")

    # Keyboard only: tick both rows, pick the action, run it.
    for title in (FIRST, SECOND):
        page.get_by_role("row", name=title).get_by_role("checkbox").focus()
        page.keyboard.press("Space")
    page.get_by_label("Akcja").select_option(label="Opublikuj zaznaczone wpisy")
    page.get_by_role("button", name="Uruchom").press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Opublikowano 2 wpisy.")

    page.goto("/admin/news/post/")
    for title in (FIRST, SECOND):
        page.get_by_role("row", name=title).get_by_role("checkbox").check()
    page.get_by_label("Akcja").select_option(label="Zmień kategorię zaznaczonych wpisów")
    page.get_by_role("button", name="Uruchom").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zmiana kategorii: 2 wpisy")
    assert not run_axe(page), format_violations(run_axe(page))
    page.get_by_label("Nowa kategoria").select_option(label="Ogłoszenia")
    page.get_by_label("Nowa kategoria").press("Tab")
    expect(page.get_by_role("button", name="Zmień kategorię")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Przeniesiono 2 wpisy do kategorii „Ogłoszenia”.")

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto(announcements.get_absolute_url())
    for title in (FIRST, SECOND):
        expect(resident.get_by_role("link", name=title)).to_be_visible()
    expect(resident.get_by_role("link", name="Wpis, który zostaje bez zmian")).to_have_count(0)
    resident.context.close()
    assert all(Post.objects.get(pk=d.pk).is_public for d in drafts)
