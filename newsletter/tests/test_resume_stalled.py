from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsletter import dispatch
from newsletter.models import Issue
from newsletter.tests.conftest import recipients


def fail_task(result):
    DBTaskResult.objects.filter(pk=result.pk).update(status=TaskResultStatus.FAILED)


def test_a_mailing_whose_task_failed_is_resumed_and_finished(make_issue, make_subscriber, run_worker, mailoutbox):
    make_subscriber(email="ala@example.com")
    issue = make_issue()
    dispatch.queue(issue)
    fail_task(DBTaskResult.objects.get())  # e.g. the database went away mid-pass

    assert dispatch.resume_stalled() == 1
    run_worker()

    assert Issue.objects.get(pk=issue.pk).status != Issue.Status.SENDING
    assert recipients(mailoutbox) == ["ala@example.com"]


def test_a_mailing_with_a_waiting_task_is_left_alone(make_issue):
    dispatch.queue(make_issue())
    assert dispatch.resume_stalled() == 0
    assert DBTaskResult.objects.count() == 1


def test_after_repeated_failures_the_mailing_is_left_for_staff(make_issue):
    issue = make_issue()
    dispatch.queue(issue)
    for _ in range(dispatch.MAX_RESUMES - 1):
        fail_task(DBTaskResult.objects.get(status=TaskResultStatus.READY))
        dispatch.resume_stalled()
    fail_task(DBTaskResult.objects.get(status=TaskResultStatus.READY))
    assert dispatch.resume_stalled() == 0
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
