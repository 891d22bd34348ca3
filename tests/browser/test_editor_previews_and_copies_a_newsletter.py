"""The person who runs the newsletter (role Administrator) reads an issue in the browser as
subscribers will get it, HTML and plain text, then makes a copy of it for next month and edits it."""

import pytest
from playwright.sync_api import expect

from newsletter.models import Delivery, Issue
from tests.browser.helpers import format_violations, horizontal_overflow, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

BODY = "<h2>Program</h2><ul><li>powitanie</li><li>plan działań</li></ul><p>Zapraszamy do Nasielska.</p>"


def test_editor_previews_an_issue_then_copies_and_edits_it(page, staff_in_role):
    editor = staff_in_role("Administrator")
    issue = Issue.objects.create(subject="Wydanie grudniowe", body=BODY, created_by=editor)
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    log_in_to_admin(
        page, editor, password="administrator-haslo-123", next_url=f"/admin/newsletter/issue/{issue.pk}/change/"
    )

    page.get_by_role("link", name="Podgląd w przeglądarce").click()
    expect(page.get_by_role("heading", name="Podgląd wysyłki „Wydanie grudniowe”")).to_be_visible()
    expect(page.locator(".newsletter-envelope")).to_contain_text("Wydanie grudniowe")
    mail = page.frame_locator("iframe[title='Wiadomość w wersji HTML']")
    expect(mail.get_by_role("heading", name="Wydanie grudniowe")).to_be_visible()
    expect(mail.get_by_role("heading", name="Program")).to_be_visible()
    # The e-mail's own inline styles apply (allowed by their hashes), the admin's do not reach it.
    assert mail.locator("h1").evaluate("el => getComputedStyle(el).fontSize") == "22px"
    assert mail.locator("body").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(241, 244, 248)"
    href = mail.get_by_role("link", name="wypisz się").get_attribute("href")
    assert href.endswith("/newsletter/wypisz/przykladowy-link/")
    assert not blocked, blocked
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    page.set_viewport_size({"width": 320, "height": 800})
    assert horizontal_overflow(page) == 0
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Wersja tekstowa").click()
    expect(page.get_by_role("heading", name="Wersja tekstowa wysyłki „Wydanie grudniowe”")).to_be_visible()
    expect(page.locator("pre.newsletter-text")).to_contain_text("Program\n\n- powitanie\n- plan działań")
    page.get_by_role("link", name="Wróć do wysyłki").click()

    page.get_by_role("button", name="Utwórz kopię").click()
    expect(page.locator(".messagelist")).to_contain_text("Utworzono kopię wysyłki „Wydanie grudniowe”")
    expect(page.get_by_label("Temat")).to_have_value("Kopia: Wydanie grudniowe")
    page.get_by_label("Temat").fill("Wydanie styczniowe")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Wydanie styczniowe")

    copy = Issue.objects.exclude(pk=issue.pk).get()
    assert (copy.subject, copy.status, copy.created_by) == ("Wydanie styczniowe", Issue.Status.DRAFT, editor)
    assert copy.body == Issue.objects.get(pk=issue.pk).body
    assert Issue.objects.get(pk=issue.pk).subject == "Wydanie grudniowe"
    assert not Delivery.objects.exists()
