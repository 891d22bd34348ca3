import datetime
import re

import pytest
from playwright.sync_api import expect

from accessibility.models import AccessibilityRequest
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser


def test_a_request_walks_its_statutory_path(page, browser, live_server, alice, run_worker):
    resident = browser.new_context(base_url=live_server.url).new_page()
    resident.goto("/kontakt/")
    resident.get_by_role("link", name="Zgłoś problem z dostępnością").last.click()
    expect(resident.get_by_label("Strona lub dokument, którego dotyczy zgłoszenie")).to_have_value(
        re.compile(r"/kontakt/$")
    )
    violations = run_axe(resident)
    assert not violations, format_violations(violations)
    resident.get_by_label("Na czym polega problem i czego potrzeba").fill("Numer telefonu jest obrazkiem.")
    resident.get_by_label("Imię i nazwisko").fill("Ewa Przykładowa")
    resident.get_by_label("Adres e-mail do odpowiedzi").fill("ewa@example.org")
    resident.get_by_role("button", name="Wyślij zgłoszenie").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Zgłoszenie wysłane")
    resident.context.close()
    case = AccessibilityRequest.objects.get()

    log_in_to_admin(page, alice, next_url="/admin/")
    expect(page.locator(".dashboard-tasks")).to_contain_text("1 zgłoszenie dostępności czeka na załatwienie")
    page.get_by_role("link", name=re.compile("zgłoszenie dostępności")).click()
    page.get_by_role("link", name=str(case)).click()
    expect(page.locator("#content")).to_contain_text("Sprawa w toku: termin")

    page.get_by_role("link", name="Przedłuż termin…").click()
    page.get_by_label("Nowy termin").fill(str(case.due_on + datetime.timedelta(days=7)))
    page.get_by_label("Powód przedłużenia").fill("Trzeba przygotować nową grafikę.")
    page.get_by_role("button", name="Przedłuż termin i powiadom zgłaszającego").click()
    expect(page.locator(".messagelist")).to_contain_text("Przedłużono termin")

    page.get_by_role("link", name="Załatw zgłoszenie…").click()
    page.get_by_label("Jak zapewniono dostęp").fill("Numer podano jako tekst.")
    page.get_by_role("button", name="Załatw zgłoszenie").click()
    expect(page.locator(".messagelist")).to_contain_text("załatwiono")
    expect(page.locator("#content")).to_contain_text("przedłużono termin")
    run_worker()
    case.refresh_from_db()
    assert case.status == AccessibilityRequest.Status.RESOLVED
