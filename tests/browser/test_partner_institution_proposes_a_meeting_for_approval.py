"""Someone from a gmina proposes a meeting and sends it for approval; the other gmina's account
cannot open it; the Redaktor approves it, and residents find it among the meetings."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import PARTNER
from meetings.models import Meeting
from members.models import Gmina, Institution, InstitutionAccount, InstitutionKind
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

TITLE = "Spotkanie sołtysów gminy Nasielsk"
PASSWORD = f"{PARTNER.lower()}-haslo-123"


def _tab(browser, live_server, user, password, next_url="/admin/"):
    tab = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    log_in_to_admin(tab, user, password=password, next_url=next_url)
    return tab


def _partner(staff_in_role, name, short_name, gmina, email):
    institution = Institution.objects.create(name=name, short_name=short_name, kind=InstitutionKind.GMINA, gmina=gmina)
    user = staff_in_role(PARTNER, email=email)
    InstitutionAccount.objects.create(user=user, institution=institution)
    return user


def test_a_gminas_meeting_goes_through_approval_unseen_by_the_other_gmina(
    page, browser, live_server, editor, staff_in_role, settings, run_worker
):
    settings.STAFF_NOTIFY_EMAILS = []
    nasielsk = _partner(
        staff_in_role, "Urząd Miejski w Nasielsku", "Nasielsk", Gmina.NASIELSK, "promocja@nasielsk.example"
    )
    czosnow = _partner(staff_in_role, "Urząd Gminy Czosnów", "Czosnów", Gmina.CZOSNOW, "sekretariat@czosnow.example")
    day = timezone.localdate() + datetime.timedelta(days=14)

    # The gmina's account proposes the meeting.
    log_in_to_admin(page, nasielsk, password=PASSWORD, next_url="/admin/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Brak dostępu")
    page.goto("/admin/meetings/meeting/")
    page.get_by_role("link", name="Dodaj spotkanie").click()
    page.get_by_label("Tytuł:", exact=True).fill(TITLE)
    page.get_by_label("Data:", exact=True).fill(day.strftime("%Y-%m-%d"))
    expect(page.locator(".field-institution")).to_contain_text("Urząd Miejski w Nasielsku")
    expect(page.get_by_role("button", name="Zatwierdź i opublikuj")).to_have_count(0)
    page.get_by_role("button", name="Wyślij do akceptacji").click()
    expect(page.locator(".messagelist")).to_contain_text("Wysłano spotkanie do akceptacji")
    run_worker()
    meeting = Meeting.objects.get(title=TITLE)
    assert meeting.institution.short_name == "Nasielsk" and not meeting.is_public

    # The other gmina's account neither lists nor opens it.
    other = _tab(browser, live_server, czosnow, PASSWORD, next_url="/admin/meetings/meeting/")
    expect(other.get_by_text(TITLE)).to_have_count(0)
    other.goto(f"/admin/meetings/meeting/{meeting.pk}/change/")
    expect(other.get_by_role("heading", level=1)).to_have_text("Brak dostępu")
    other.context.close()

    # Residents do not see it yet.
    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto("/spotkania/")
    expect(resident.get_by_role("link", name=TITLE)).to_have_count(0)

    # The Redaktor finds it on the home page's to-do list and approves it.
    approver = _tab(browser, live_server, editor, "redaktor-haslo-123")
    approver.get_by_role("link", name="1 spotkanie czeka na akceptację").click()
    approver.get_by_role("link", name=TITLE).click()
    expect(approver.get_by_text("To spotkanie czeka na akceptację przed publikacją.")).to_be_visible()
    violations = run_axe(approver)
    assert not violations, format_violations(violations)
    approver.get_by_role("link", name="Zwróć do poprawy").click()  # the note's page, then back without it
    expect(approver.get_by_label("Uwagi do poprawy:")).to_be_visible()
    violations = run_axe(approver)
    assert not violations, format_violations(violations)
    approver.get_by_role("link", name="Nie, wróć do spotkania").click()
    approver.get_by_role("button", name="Zatwierdź i opublikuj").click()
    expect(approver.locator(".messagelist")).to_contain_text("Zatwierdzono spotkanie")
    approver.context.close()

    resident.goto("/spotkania/")
    resident.get_by_role("link", name=TITLE).click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(TITLE)
    resident.context.close()
