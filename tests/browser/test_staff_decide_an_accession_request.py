import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import AccessionRequest, Institution
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def new_request(**fields):
    data = {
        "institution_name": "Cech Rzemiosł Różnych",
        "kind": "pracodawca",
        "gmina": "zakroczym",
        "contact_name": "Jan Przykładowy",
        "email": "jan@example.org",
        "consent": True,
    }
    data.update(fields)
    return AccessionRequest.objects.create(**data)


def test_staff_accept_a_request_complete_the_institution_and_publish_it(page, browser, live_server, alice, run_worker):
    req = new_request()
    # The staff notice links here.
    log_in_to_admin(page, alice, next_url=f"/admin/members/accessionrequest/{req.pk}/change/")

    page.get_by_role("link", name="Przyjmij zgłoszenie…").click()
    expect(page.get_by_text("nieopublikowaną", exact=True)).to_be_visible()
    page.get_by_role("button", name="Tak, przyjmij zgłoszenie").click()

    expect(page.locator(".messagelist")).to_contain_text("Przyjęto zgłoszenie „Cech Rzemiosł Różnych”")
    expect(page.locator(".messagelist")).to_contain_text(
        "Wiadomość z decyzją zostanie wysłana na adres jan@example.org w ciągu kilku minut."
    )
    expect(page.get_by_label("Opublikowana")).not_to_be_checked()
    run_worker()
    assert [m.to for m in mail.outbox] == [["jan@example.org"]]

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto("/partnerzy/")
    expect(visitor.get_by_role("link", name="Cech Rzemiosł Różnych")).to_have_count(0)

    page.get_by_label(re.compile(r"^Adres:?$")).fill("ul. Warszawska 1, 05-170 Zakroczym")
    page.get_by_label("Opublikowana").check()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Cech Rzemiosł Różnych")

    visitor.reload()
    visitor.get_by_role("link", name="Cech Rzemiosł Różnych").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Cech Rzemiosł Różnych")
    expect(visitor.get_by_text("Podgląd")).to_have_count(0)
    visitor.context.close()
    assert Institution.objects.get().is_published


def test_staff_reject_a_request_with_a_reason(page, alice, run_worker):
    req = new_request()
    log_in_to_admin(page, alice, next_url=f"/admin/members/accessionrequest/{req.pk}/change/")

    page.get_by_role("link", name="Odrzuć zgłoszenie…").click()
    page.get_by_role("button", name="Odrzuć zgłoszenie").click()  # forgot the reason
    expect(page.get_by_text("Podaj powód odrzucenia: trafi do osoby zgłaszającej.")).to_be_visible()
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING

    reason = page.get_by_label("Powód odrzucenia")
    expect(reason).to_have_attribute("aria-describedby", re.compile("id_reason_helptext"))
    reason.fill("Siedziba cechu jest poza powiatem nowodworskim.")
    page.get_by_role("button", name="Odrzuć zgłoszenie").click()

    expect(page.locator(".messagelist")).to_contain_text("Odrzucono zgłoszenie „Cech Rzemiosł Różnych”.")
    req.refresh_from_db()
    assert req.rejection_reason == "Siedziba cechu jest poza powiatem nowodworskim."
    run_worker()
    [letter] = mail.outbox
    assert "Siedziba cechu jest poza powiatem nowodworskim." in letter.body
