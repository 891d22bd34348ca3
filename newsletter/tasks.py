"""Background tasks of the newsletter (Django tasks, run by `manage.py db_worker`).

Every task may run twice (a worker killed mid-task is re-queued by
`manage.py requeue_stale_tasks`), so each one checks the database first and
does only what is still to be done.
"""

import logging

from django.tasks import task
from django.utils import timezone

from newsletter import sending
from newsletter.mail import IssueContent, confirmation_message, issue_message, welcome_message
from newsletter.models import Issue, Subscriber

logger = logging.getLogger(__name__)


@task()
def send_confirmation_task(subscriber_id):
    """Send the double opt-in link, unless it went out after the latest sign-up request."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return "not pending"
    sent_at = subscriber.confirmation_sent_at
    if sent_at is not None and sent_at >= subscriber.requested_at:
        return "already sent"
    confirmation_message(subscriber).send()
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())
    return "sent"


@task()
def send_welcome_task(subscriber_id):
    """Welcome a newly confirmed subscriber (queued by subscriptions.confirm, once per confirmation)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.CONFIRMED).first()
    if subscriber is None:
        return "not confirmed"
    welcome_message(subscriber).send()
    return "sent"


@task()
def send_test_task(issue_id, email):
    """A staff member's test copy of a mailing, as the mailing reads now (queued by the admin's button)."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None:
        return "no issue"
    issue_message(IssueContent(issue), Subscriber(email=email), test=True).send()
    return "sent"


@task()
def send_issue_task(issue_id):
    """Send the pending e-mails of a mailing; queue another pass later if some must be retried."""
    outcome = sending.send_issue(issue_id)
    if outcome == sending.Outcome.PAUSED:
        logger.info("Mailing %s paused by staff; it waits to be resumed", issue_id)
    elif outcome == sending.Outcome.RETRY:
        backend = send_issue_task.get_backend()
        if backend.supports_defer:
            send_issue_task.using(run_after=timezone.now() + sending.RETRY_DELAY).enqueue(issue_id)
        else:  # a backend without delays (tests, immediate): the next pass is someone else's call
            logger.warning("Mailing %s has e-mails to retry, but the task backend cannot delay tasks", issue_id)
    return outcome
