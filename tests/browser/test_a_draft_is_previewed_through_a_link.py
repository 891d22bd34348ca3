"""An editor sends a preview link of a draft to someone without an account (the director), then
revokes it; a later link runs out. drafts/previews.py; the live server runs in this process, so
time-machine moves its clock."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from news.models import Post
from tests.browser.helpers import WCAG_TAGS, format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

TITLE = "Nabór do programu staży 2027"


def test_an_editor_shares_a_draft_and_revokes_the_link(page, browser, live_server, staff_in_role, make_post):
    post = make_post(title=TITLE, status=Post.Status.DRAFT, lead="Zajawka przed akceptacją dyrektora.")
    editor = staff_in_role("Redaktor")
    change_url = f"/admin/news/post/{post.pk}/change/"
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url=change_url)

    box = page.get_by_role("region", name="Linki do podglądu")
    expect(box).to_contain_text("Nie ma aktywnych linków do podglądu.")
    box.get_by_label("Ważność nowego linku:").select_option(label="3 dni")
    box.get_by_role("button", name="Utwórz link do podglądu").click()
    expect(page.locator(".messagelist")).to_contain_text("Utworzono link do podglądu ważny przez 3 dni.")
    address = box.get_by_label("Nowy link do podglądu", exact=False).input_value()
    assert "/podglad/" in address
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    box.get_by_role("button", name="Kopiuj link").click()
    expect(box.get_by_role("status")).to_have_text("Skopiowano link do schowka.")
    assert page.evaluate("navigator.clipboard.readText()") == address
    expect(box.get_by_role("table")).to_contain_text("Aktywne linki: 1 link")
    run_axe(page)  # loads axe; the admin around the box has Django's own findings, the box must have none
    violations = page.evaluate(
        """async (tags) => (await axe.run(".preview-links", {runOnly: {type: "tag", values: tags}})).violations
            .map(v => v.id)""",
        WCAG_TAGS,
    )
    assert violations == []

    # The director, without an account, in a browser of their own.
    director = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    path = address[address.index("/podglad/") :]
    response = director.goto(path)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    assert response.headers["cache-control"] == "private, no-store"
    banner = director.get_by_role("region", name="Podgląd")
    expect(banner).to_contain_text("Podgląd wersji roboczej.")
    expect(banner).to_contain_text("Link jest ważny do")
    expect(director.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(director.get_by_text("Zajawka przed akceptacją dyrektora.")).to_be_visible()
    expect(director.get_by_role("heading", name="Ocena wpisu")).to_have_count(0)
    expect(director.locator("#dodaj-komentarz")).to_have_count(0)
    assert not run_axe(director), format_violations(run_axe(director))
    director.set_viewport_size({"width": 320, "height": 640})
    assert director.evaluate("document.documentElement.scrollWidth") <= 320

    # Reopening the form shows the link's expiry, never its address again.
    page.goto(change_url)
    expect(box.get_by_label("Nowy link do podglądu", exact=False)).to_have_count(0)
    expect(box.get_by_role("table")).to_contain_text("redaktor@pup.example")
    box.get_by_role("button", name="Unieważnij").click()
    expect(page.locator(".messagelist")).to_contain_text("Unieważniono link do podglądu.")
    expect(box).to_contain_text("Nie ma aktywnych linków do podglądu.")

    response = director.goto(path)
    assert response.status == 410
    expect(director.get_by_role("heading", level=1)).to_have_text("Link do podglądu nie jest już ważny")
    expect(director.get_by_text("Ten link do podglądu unieważniono")).to_be_visible()

    # A new link for a day: past its expiry it answers 410 too, with no one revoking it.
    box.get_by_label("Ważność nowego linku:").select_option(label="1 dzień")
    box.get_by_role("button", name="Utwórz link do podglądu").click()
    second = box.get_by_label("Nowy link do podglądu", exact=False).input_value()
    second_path = second[second.index("/podglad/") :]
    assert director.goto(second_path).status == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        response = director.goto(second_path)
        assert response.status == 410
        expect(director.get_by_text("Ten link do podglądu wygasł")).to_be_visible()
    director.context.close()
