"""Staff edit a post twice, compare the two versions and restore the first one."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

FIRST = "Nabór na staże trwa do 15 maja."
SECOND = "Nabór na staże trwa do 30 maja w urzędzie pracy."


def _edit_body(page, post, text):
    page.goto(f"/admin/news/post/{post.pk}/change/")
    body = page.locator(".ck-editor__editable")
    body.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")


def test_staff_compare_two_versions_and_restore_the_first(page, alice, make_post):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    post = make_post(title="Staże w urzędzie pracy", body="<p>Zapowiedź naboru.</p>")
    log_in_to_admin(page, alice, next_url=f"/admin/news/post/{post.pk}/change/")
    _edit_body(page, post, FIRST)
    _edit_body(page, post, SECOND)

    page.goto(f"/admin/news/post/{post.pk}/change/")
    page.get_by_role("link", name="Historia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Historia zmian: Staże w urzędzie pracy")
    expect(page.get_by_text("Zapisane wersje: 2.")).to_be_visible()
    assert not run_axe(page), format_violations(run_axe(page))

    page.get_by_role("button", name="Porównaj zaznaczone wersje").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Porównanie wersji: Staże w urzędzie pracy")
    changes = page.locator(".diff-field", has=page.get_by_role("heading", name="Treść"))
    expect(changes.locator("del")).to_contain_text(["usunięto: 15"])
    expect(changes.locator("ins").first).to_contain_text("dodano: 30")
    expect(page.get_by_text("tekst przekreślony – usunięto")).to_be_visible()
    assert not run_axe(page), format_violations(run_axe(page))

    page.get_by_role("link", name=re.compile("Przywróć wersję starszą")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Czy przywrócić tę wersję?")
    assert not run_axe(page), format_violations(run_axe(page))
    page.get_by_role("button", name="Tak, przywróć tę wersję").click()
    expect(page.locator(".messagelist")).to_contain_text("Przywrócono wersję z")
    expect(page.get_by_text("Zapisane wersje: 3.")).to_be_visible()
    expect(page.locator(".version-table tbody tr").first).to_contain_text("Przywrócenie wersji z")

    page.goto(post.get_absolute_url())
    expect(page.locator(".rich-text")).to_have_text(FIRST)
    expect(page.locator(".metryczka")).to_contain_text("Przywrócenie wersji z")
