"""A gmina's account proposes new contacts for its page; residents see them only once a Redaktor
approves them, after one round of corrections; the phone-width admin works too."""

import pytest
from playwright.sync_api import expect

from accounts.roles import PARTNER
from members.models import Gmina, Institution, InstitutionAccount, InstitutionKind
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

PASSWORD = f"{PARTNER.lower()}-haslo-123"


def test_a_gminas_new_contacts_wait_for_approval(
    page, browser, live_server, editor, staff_in_role, settings, run_worker
):
    settings.STAFF_NOTIFY_EMAILS = []
    nasielsk = Institution.objects.create(
        name="Urząd Miejski w Nasielsku", short_name="Nasielsk", kind=InstitutionKind.GMINA, gmina=Gmina.NASIELSK
    )
    partner = staff_in_role(PARTNER, email="promocja@nasielsk.example")
    InstitutionAccount.objects.create(user=partner, institution=nasielsk)

    # The gmina's account, on a phone, proposes a phone number with a typo.
    page.set_viewport_size({"width": 390, "height": 844})
    log_in_to_admin(page, partner, password=PASSWORD, next_url="/admin/")
    page.get_by_role("link", name="Instytucje").first.click()
    page.get_by_role("link", name="Urząd Miejski w Nasielsku").click()
    page.get_by_label("Telefon:").fill("23 691 25 0")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zmiany wysłano do akceptacji")
    expect(page.get_by_label("Telefon:")).to_have_value("23 691 25 0")
    run_worker()

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto(nasielsk.get_absolute_url())
    expect(resident.get_by_text("23 691 25 0")).to_have_count(0)

    # The Redaktor compares and sends it back with a note.
    approver = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    log_in_to_admin(approver, editor, password="redaktor-haslo-123", next_url="/admin/")
    approver.get_by_role("link", name="1 propozycja zmian danych instytucji czeka na akceptację").click()
    approver.get_by_role("link", name="Urząd Miejski w Nasielsku").click()
    proposal = approver.get_by_role("region", name="Zmiany zaproponowane przez instytucję – czekają na akceptację")
    expect(proposal.get_by_role("row", name="Telefon")).to_contain_text("23 691 25 0")
    expect(proposal.get_by_role("row")).to_have_count(2)  # the header and the phone: the empty text is no change
    assert not (violations := run_axe(approver)), format_violations(violations)
    approver.screenshot(path="/tmp/proposal-desktop.png", full_page=False)
    proposal.get_by_role("link", name="Zwróć do poprawy").click()
    approver.get_by_label("Uwagi do poprawy:").fill("W numerze brakuje ostatniej cyfry.")
    approver.get_by_role("button", name="Zwróć do poprawy").click()
    expect(approver.locator(".messagelist")).to_contain_text("Zwrócono zmiany danych instytucji")
    run_worker()

    # The gmina's account reads the note on its home page and corrects the number.
    page.goto("/admin/")
    page.get_by_role("link", name="Zaproponowane zmiany danych instytucji zwrócono do poprawy").click()
    expect(page.get_by_role("note")).to_contain_text("W numerze brakuje ostatniej cyfry.")
    assert not (violations := run_axe(page)), format_violations(violations)
    page.screenshot(path="/tmp/proposal-phone.png", full_page=False)
    page.get_by_label("Telefon:").fill("23 691 25 00")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zmiany wysłano do akceptacji")
    run_worker()

    # The Redaktor approves; residents see the new number.
    approver.goto(f"/admin/members/institution/{nasielsk.pk}/change/")
    approver.get_by_role("button", name="Zatwierdź zmiany").click()
    expect(approver.locator(".messagelist")).to_contain_text("są już na stronie")
    resident.reload()
    expect(resident.get_by_text("23 691 25 00")).to_be_visible()
