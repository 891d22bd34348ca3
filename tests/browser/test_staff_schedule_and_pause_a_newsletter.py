import datetime
import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

from core.templatetags.pl import pl_datetime
from newsletter import dispatch, sending
from newsletter.models import ConsentText, Delivery, Issue, Subscriber
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
    issue = Issue.objects.create(
        subject="Wydanie grudniowe", body="<h2>Program</h2><p>Zapraszamy.</p>", created_by=alice
    )
    log_in_to_admin(page, alice, next_url=f"/admin/newsletter/issue/{issue.pk}/change/")

    page.get_by_role("link", name="Zaplanuj wysyłkę…").click()
    when = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    page.get_by_label("Data i godzina wysyłki").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Zaplanuj wysyłkę").click()

    expect(page.locator(".messagelist")).to_contain_text(f"na {pl_datetime(when)}")
    expect(page.locator(".field-state")).to_contain_text(f"Zaplanowana na {pl_datetime(when)}")
    expect(page.locator(".field-shown_body h2")).to_have_text("Program")  # shown as it reads, not as HTML
    page.get_by_role("link", name="Odwołaj zaplanowaną wysyłkę…").click()
    expect(page.get_by_role("heading", name="Odwołać zaplanowaną wysyłkę?")).to_be_visible()
    page.get_by_role("link", name="Nie, wróć").click()
    expect(page.locator(".field-state")).to_contain_text("Zaplanowana na")  # nothing changed
    page.get_by_role("link", name="Odwołaj zaplanowaną wysyłkę…").click()
    page.get_by_role("button", name="Tak, odwołaj wysyłkę").click()
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


class GateBackend(LocmemBackend):
    """Delivers e-mails; after ``after`` of them it holds the send until the test lets it go on,
    so staff meet a large send in the middle, as they would a slow one."""

    after = 60
    delivered = 0
    reached = threading.Event()
    release = threading.Event()

    def send_messages(self, messages):
        for message in messages:
            super().send_messages([message])
            GateBackend.delivered += 1
            if GateBackend.delivered == GateBackend.after:
                GateBackend.reached.set()
                GateBackend.release.wait(timeout=60)
        return len(messages)


def send_in_background(issue):
    """The task worker's pass over the mailing, in a thread of its own (its own connection)."""

    def run():
        try:
            sending.send_issue(issue.pk)
        finally:
            connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    return worker


def test_staff_pause_a_large_send_midway_and_resume_it(page, alice, settings):
    total = 300
    consent = ConsentText.current()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"czytelnik{n:03}@example.com",
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=timezone.now(),
            consent=consent,
            source="test",
        )
        for n in range(total)
    )
    issue = Issue.objects.create(subject="Wydanie grudniowe", body="<p>Zapraszamy.</p>", created_by=alice)
    GateBackend.delivered = 0
    GateBackend.reached.clear()
    GateBackend.release.clear()
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.GateBackend"}}
    mail.outbox = []
    dispatch.queue(issue)
    worker = send_in_background(issue)
    try:
        assert GateBackend.reached.wait(timeout=60)
        log_in_to_admin(page, alice, next_url=f"/admin/newsletter/issue/{issue.pk}/change/")
        expect(page.locator(".field-state")).to_contain_text("W trakcie wysyłki")
        # The e-mail held at the gate is handed over but not yet marked as sent.
        expect(page.locator(".field-progress")).to_contain_text(f"wysłano: {GateBackend.after - 1} z {total}")
        page.get_by_role("button", name="Wstrzymaj wysyłkę").click()
        expect(page.locator(".messagelist")).to_contain_text("Wstrzymano wysyłkę „Wydanie grudniowe”")
    finally:
        GateBackend.release.set()
        worker.join(timeout=60)
    assert not worker.is_alive()

    # It stopped between two e-mails at its next look, far from the end.
    sent = Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count()
    assert GateBackend.after <= sent <= GateBackend.after + sending.PAUSE_CHECK_EVERY
    page.reload()
    expect(page.locator(".field-state")).to_contain_text("Wstrzymana")
    progress = f"wysłano: {sent} z {total}, błędy: 0, pozostało: {total - sent}"
    expect(page.locator(".field-progress")).to_contain_text(progress)

    page.get_by_role("button", name="Wznów wysyłkę").click()
    expect(page.locator(".messagelist")).to_contain_text("Wznowiono wysyłkę „Wydanie grudniowe”")
    send_in_background(issue).join(timeout=60)
    page.reload()
    expect(page.locator(".field-state")).to_contain_text("Wysłana")
    expect(page.locator(".field-progress")).to_contain_text(f"wysłano: {total} z {total}, błędy: 0, pozostało: 0")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in Subscriber.objects.all())
