import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.templatetags.pl import pl_datetime
from newsletter import dispatch
from newsletter.models import ConsentText, Issue, Subscriber
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def subscriber(email):
    return Subscriber.objects.create(
        email=email,
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        consent=ConsentText.current(),
        source="test",
    )


def test_staff_schedule_an_issue_then_call_it_off(page, alice):
    subscriber("ala@example.com")
    issue = Issue.objects.create(subject="Wydanie grudniowe", body="<p>Zapraszamy.</p>", created_by=alice)
    log_in_to_admin(page, alice, next_url=f"/admin/newsletter/issue/{issue.pk}/change/")

    page.get_by_role("link", name="Zaplanuj wysyłkę…").click()
    when = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    page.get_by_label("Data i godzina wysyłki").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Zaplanuj wysyłkę").click()

    expect(page.locator(".messagelist")).to_contain_text(f"na {pl_datetime(when)}")
    expect(page.locator(".field-state")).to_contain_text(f"Zaplanowana na {pl_datetime(when)}")
    page.get_by_role("button", name="Odwołaj zaplanowaną wysyłkę").click()
    expect(page.locator(".messagelist")).to_contain_text("Odwołano zaplanowaną wysyłkę")
    expect(page.get_by_role("link", name="Zaplanuj wysyłkę…")).to_be_visible()


def test_staff_pause_and_resume_a_running_send(page, alice):
    subscriber("ala@example.com")
    issue = Issue.objects.create(subject="Wydanie grudniowe", body="<p>Zapraszamy.</p>", created_by=alice)
    dispatch.queue(issue)  # the worker has not got to it yet
    log_in_to_admin(page, alice, next_url=f"/admin/newsletter/issue/{issue.pk}/change/")

    page.get_by_role("button", name="Wstrzymaj wysyłkę").click()
    expect(page.locator(".messagelist")).to_contain_text("Wstrzymano wysyłkę „Wydanie grudniowe”")
    expect(page.locator(".field-state")).to_contain_text("Wstrzymana")
    page.get_by_role("button", name="Wznów wysyłkę").click()
    expect(page.locator(".messagelist")).to_contain_text("Wznowiono wysyłkę „Wydanie grudniowe”")
    expect(page.locator(".field-state")).to_contain_text("W trakcie wysyłki")
