import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsletter import dispatch, sending
from newsletter.models import Delivery, Issue
from newsletter.tests.conftest import WorkerKilled, recipients
from newsletter.tokens import unsubscribe_token


def test_every_email_carries_unsubscribe_headers_and_absolute_links(
    db, make_subscriber, make_issue, mailoutbox, run_worker
):
    subscriber = make_subscriber(email="ala@example.com")
    issue = make_issue(subject="Wydanie czerwcowe", body='<p>Zobacz <a href="/aktualnosci/">aktualności</a>.</p>')
    dispatch.queue(issue)
    run_worker()
    message = mailoutbox[0]
    unsubscribe = f"http://127.0.0.1:8000/newsletter/wypisz/{unsubscribe_token(subscriber)}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent = message.message()
    assert sent["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert sent["Message-ID"] == f"<newsletter-{issue.pk}-{subscriber.pk}@127.0.0.1>"
    assert "aktualności (http://127.0.0.1:8000/aktualnosci/)" in message.body
    assert f"Wypisz się z newslettera: {unsubscribe}" in message.body
    html = message.alternatives[0][0]
    assert 'href="http://127.0.0.1:8000/aktualnosci/"' in html
    assert f'<a href="{unsubscribe}">wypisz się</a>' in html
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_delivery_row_is_unique_per_issue_and_subscriber(db, make_subscriber, make_issue):
    subscriber, issue = make_subscriber(), make_issue()
    Delivery.objects.create(issue=issue, subscriber=subscriber)
    with pytest.raises(IntegrityError):
        Delivery.objects.create(issue=issue, subscriber=subscriber)


@pytest.mark.parametrize("crash_at", [3, 4, 7])  # at a batch boundary, inside a batch, in the last batch
def test_a_worker_killed_mid_send_and_restarted_sends_exactly_one_email_each(
    db, make_subscriber, make_issue, mailoutbox, crash_after, healthy_mail, crash_at
):
    everyone = sorted(make_subscriber().email for _ in range(10))
    issue = make_issue()
    dispatch.queue(issue)

    crash_after(crash_at)
    with pytest.raises(WorkerKilled):
        sending.send_issue(issue.pk, batch_size=3)
    assert len(mailoutbox) == crash_at

    healthy_mail()
    assert sending.send_issue(issue.pk, batch_size=3) == sending.Outcome.DONE
    assert recipients() == everyone
    assert sending.send_issue(issue.pk, batch_size=3) == sending.Outcome.DONE  # a third run sends nothing
    assert len(mailoutbox) == 10
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() == 10


def test_a_task_left_running_by_a_killed_worker_is_requeued_and_finishes_the_job(
    db, make_subscriber, make_issue, mailoutbox, crash_after, healthy_mail, run_worker
):
    everyone = sorted(make_subscriber().email for _ in range(6))
    issue = make_issue()
    dispatch.queue(issue)
    task = DBTaskResult.objects.get()
    task.claim("dead-worker")  # the worker took the task...
    crash_after(2)
    with pytest.raises(WorkerKilled):  # ...and died after two e-mails, leaving the task RUNNING
        sending.send_issue(issue.pk, batch_size=4)
    healthy_mail()

    call_command("requeue_stale_tasks", worker_id="other-worker", stdout=open("/dev/null", "w"))
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING  # not that worker's task
    call_command("requeue_stale_tasks", worker_id="dead-worker", stdout=open("/dev/null", "w"))
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY

    run_worker("dead-worker")
    assert recipients() == everyone
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_failures_are_recorded_and_retried_a_bounded_number_of_times(
    db, settings, make_subscriber, make_issue, mailoutbox
):
    settings.MAILERS = {"default": {"BACKEND": "newsletter.tests.conftest.FailingBackend"}}
    make_subscriber(email="odrzucony@example.com")
    make_subscriber(email="jest@example.com")
    issue = make_issue()
    dispatch.queue(issue)

    assert sending.send_issue(issue.pk) == sending.Outcome.RETRY
    failed = Delivery.objects.get(subscriber__email="odrzucony@example.com")
    assert (failed.status, failed.attempts) == (Delivery.Status.PENDING, 1)
    assert failed.last_error == "ConnectionError: 550 skrzynka nie istnieje"

    for _ in range(sending.MAX_ATTEMPTS - 1):
        sending.send_issue(issue.pk)
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.FAILED, sending.MAX_ATTEMPTS)
    assert sending.send_issue(issue.pk) == sending.Outcome.DONE
    assert recipients() == ["jest@example.com"]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_pass_with_failures_queues_a_delayed_retry(db, settings, make_subscriber, make_issue, run_worker):
    settings.MAILERS = {"default": {"BACKEND": "newsletter.tests.conftest.FailingBackend"}}
    make_subscriber(email="odrzucony@example.com")
    dispatch.queue(make_issue())
    run_worker()
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.run_after > retry.enqueued_at


def test_sending_keeps_a_constant_number_of_queries_per_email(
    db, make_subscriber, make_issue, django_assert_max_num_queries
):
    for _ in range(30):
        make_subscriber()
    issue = make_issue()
    dispatch.queue(issue)
    sending.plan(issue)
    # One UPDATE per e-mail (it must commit before the next e-mail) plus a fixed overhead, batches included.
    with django_assert_max_num_queries(30 + 12):
        sending.send_issue(issue.pk, batch_size=10)
