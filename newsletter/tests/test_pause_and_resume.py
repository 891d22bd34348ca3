"""Staff pause a running send and resume it later; every subscriber still gets exactly one e-mail."""

import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

from newsletter import dispatch, sending
from newsletter.models import Delivery, Issue
from newsletter.tests.conftest import WorkerKilled, recipients


class StaffPauseMidway(LocmemBackend):
    """Delivers e-mails; after ``after`` of them, staff press „Wstrzymaj wysyłkę” (from another process)."""

    after = 4
    delivered = 0

    def send_messages(self, messages):
        for message in messages:
            super().send_messages([message])
            StaffPauseMidway.delivered += 1
            if StaffPauseMidway.delivered == StaffPauseMidway.after:
                dispatch.pause(Issue.objects.get())
        return len(messages)


@pytest.fixture
def staff_pause_midway(settings, monkeypatch):
    StaffPauseMidway.delivered = 0
    monkeypatch.setattr(sending, "PAUSE_CHECK_EVERY", 3)
    settings.MAILERS = {"default": {"BACKEND": "newsletter.tests.test_pause_and_resume.StaffPauseMidway"}}


def counts(issue):
    return {
        status: Delivery.objects.filter(issue=issue, status=status).count()
        for status in (Delivery.Status.SENT, Delivery.Status.PENDING)
    }


def test_a_paused_send_stops_between_emails_and_resumes_with_the_rest_once(
    client, alice, make_subscriber, make_issue, mailoutbox, run_worker, staff_pause_midway, healthy_mail
):
    everyone = sorted(make_subscriber().email for _ in range(12))
    issue = make_issue(subject="Wydanie grudniowe")
    dispatch.queue(issue)
    run_worker()

    issue.refresh_from_db()
    assert issue.status == Issue.Status.PAUSED
    sent = counts(issue)[Delivery.Status.SENT]
    assert 4 <= sent <= 4 + sending.PAUSE_CHECK_EVERY  # it stops at the next look, between two e-mails
    assert counts(issue) == {Delivery.Status.SENT: sent, Delivery.Status.PENDING: 12 - sent}
    assert len(mailoutbox) == sent

    client.force_login(alice)
    page = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert "Wstrzymana" in page and "Wznów wysyłkę" in page
    assert f"wysłano: {sent} z 12, błędy: 0, pozostało: {12 - sent}" in page
    run_worker()  # nothing is queued while paused
    assert len(mailoutbox) == sent

    healthy_mail()
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/wznow/", follow=True)
    assert "Wznowiono wysyłkę „Wydanie grudniowe”: pozostałe wiadomości wychodzą, każda tylko raz." in response.text
    run_worker()
    assert recipients() == everyone
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_staff_pause_from_the_admin_before_the_worker_gets_to_it(
    client, alice, make_subscriber, make_issue, mailoutbox, run_worker
):
    make_subscriber(email="ala@example.com")
    issue = make_issue()
    dispatch.queue(issue)
    client.force_login(alice)
    assert "Wstrzymaj wysyłkę" in client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/wstrzymaj/", follow=True)
    assert "Wstrzymano wysyłkę" in response.text
    assert "Wysłane wiadomości zostają wysłane; reszta czeka na wznowienie." in response.text
    run_worker()
    assert mailoutbox == []
    assert dispatch.resume_stalled() == 0  # the periodic loop leaves a paused mailing alone

    client.post(f"/admin/newsletter/issue/{issue.pk}/wznow/")
    run_worker()
    assert recipients() == ["ala@example.com"]


def test_a_worker_killed_after_resuming_still_sends_each_email_once(
    db, make_subscriber, make_issue, mailoutbox, crash_after, healthy_mail
):
    everyone = sorted(make_subscriber().email for _ in range(8))
    issue = make_issue()
    dispatch.queue(issue)
    crash_after(3)
    with pytest.raises(WorkerKilled):
        sending.send_issue(issue.pk, batch_size=2)
    dispatch.pause(issue)
    assert sending.send_issue(issue.pk) == sending.Outcome.PAUSED
    dispatch.resume(issue)
    healthy_mail()
    assert sending.send_issue(issue.pk, batch_size=2) == sending.Outcome.DONE
    assert recipients() == everyone


def test_only_a_running_send_can_be_paused_and_only_a_paused_one_resumed(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/wstrzymaj/", follow=True)
    assert "Tej wysyłki nie można wstrzymać (status: szkic)." in response.text
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/wznow/", follow=True)
    assert "Tej wysyłki nie można wznowić (status: szkic)." in response.text
    assert client.get(f"/admin/newsletter/issue/{issue.pk}/wstrzymaj/").status_code == 302
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_readers_cannot_pause(client, bob, make_issue):
    issue = make_issue()
    dispatch.queue(issue)
    client.force_login(bob)
    client.post(f"/admin/newsletter/issue/{issue.pk}/wstrzymaj/")
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING
