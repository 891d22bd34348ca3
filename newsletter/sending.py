"""Sending a mailing so that a crash at any point neither loses nor repeats an e-mail.

1. Plan: one ``Delivery`` row per (mailing, subscriber), created in chunks with
   ``ignore_conflicts`` against a unique constraint, so planning again adds
   nothing twice. ``Issue.planned_at`` closes the list.
2. Send: walk the pending rows of the mailing in key order, a batch at a time
   (memory stays flat for any number of subscribers), hand each e-mail to the
   mail backend and commit its row as sent at once. A worker killed between
   two e-mails leaves every sent row marked and every unsent row pending; the
   next run sends exactly the pending ones. Only a kill in the few
   milliseconds between the mail server accepting an e-mail and the commit
   can repeat that single e-mail (its Message-ID is the same both times).
3. Failures: the error is recorded on the row and the row stays pending until
   MAX_ATTEMPTS, then it is marked failed. A later pass (a task queued with a
   delay) retries what is left.

A PostgreSQL advisory lock keeps two workers off the same mailing; the server
drops it by itself when a worker's connection dies.
"""

import contextlib
import itertools
import logging
from datetime import timedelta

from django.core.mail import mailers
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from newsletter.mail import IssueContent, issue_message
from newsletter.models import Delivery, Issue

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
PLAN_CHUNK = 2000
MAX_ATTEMPTS = 3
RETRY_DELAY = timedelta(minutes=5)
# This many failures in a row means the mail server is away: stop the pass
# without using up the remaining rows' attempts, and try again later.
MAX_FAILURES_IN_A_ROW = 10
LOCK_NAMESPACE = 0x4E4C  # "NL", the first key of the two-key advisory lock


@contextlib.contextmanager
def issue_lock(issue_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, issue_id])
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, issue_id])


def plan(issue):
    """Create the pending delivery rows of a mailing once; safe to run again after a crash."""
    if issue.planned_at is not None:
        return
    ids = issue.recipients().order_by("pk").values_list("pk", flat=True).iterator(chunk_size=PLAN_CHUNK)
    for chunk in itertools.batched(ids, PLAN_CHUNK):
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk) for pk in chunk], ignore_conflicts=True
        )
    issue.planned_at = timezone.now()
    Issue.objects.filter(pk=issue.pk, planned_at__isnull=True).update(planned_at=issue.planned_at)


class Outcome:
    DONE = "done"          # nothing left to send
    RETRY = "retry"        # some rows wait for another attempt
    BUSY = "busy"          # another worker holds the mailing


def send_issue(issue_id, *, batch_size=BATCH_SIZE):
    """Send what is pending of a mailing; returns an Outcome value."""
    with issue_lock(issue_id) as got:
        if not got:
            return Outcome.BUSY
        issue = Issue.objects.get(pk=issue_id)
        if issue.status == Issue.Status.DRAFT:
            return Outcome.DONE
        plan(issue)
        content = IssueContent(issue)
        stopped_early = _send_pending(issue, content, batch_size)
        if stopped_early or Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).exists():
            return Outcome.RETRY
        Issue.objects.filter(pk=issue.pk).exclude(status=Issue.Status.SENT).update(
            status=Issue.Status.SENT, finished_at=timezone.now()
        )
        return Outcome.DONE


def _send_pending(issue, content, batch_size):
    last_pk = 0
    failures_in_a_row = 0
    pending = (
        Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING)
        .select_related("subscriber")
        .only("pk", "attempts", "subscriber__email", "subscriber__status",
              "subscriber__wants_posts", "subscriber__wants_issues")
        .order_by("pk")
    )
    wants_field = "wants_posts" if issue.kind == Issue.Kind.POST_NOTICE else "wants_issues"
    while True:
        batch = list(pending.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return False
        backend = mailers.default
        backend.open()
        try:
            for delivery in batch:
                last_pk = delivery.pk
                subscriber = delivery.subscriber
                if (
                    subscriber is None
                    or subscriber.status != subscriber.Status.CONFIRMED
                    or not getattr(subscriber, wants_field)
                ):
                    _mark(delivery, Delivery.Status.SKIPPED)
                    continue
                try:
                    sent = backend.send_messages([issue_message(content, subscriber)])
                    if not sent:
                        raise RuntimeError("serwer poczty nie przyjął wiadomości")
                except Exception as error:  # any backend error: record it, retry later
                    failures_in_a_row += 1
                    _record_failure(delivery, error)
                    if failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
                        logger.warning("Mailing %s: %d failures in a row, pausing", issue.pk, failures_in_a_row)
                        return True
                    continue
                failures_in_a_row = 0
                _mark(delivery, Delivery.Status.SENT)
        finally:
            backend.close()


def _mark(delivery, status):
    fields = {"status": status, "last_error": "", "updated_at": timezone.now()}
    if status == Delivery.Status.SENT:
        fields.update(sent_at=timezone.now(), attempts=F("attempts") + 1)
    # Autocommit: the row is final the moment this returns.
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.PENDING).update(**fields)


def _record_failure(delivery, error):
    attempts = delivery.attempts + 1
    status = Delivery.Status.FAILED if attempts >= MAX_ATTEMPTS else Delivery.Status.PENDING
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, attempts=attempts, last_error=f"{type(error).__name__}: {error}"[:2000],
        updated_at=timezone.now(),
    )


def queue(issue):
    """Mark a draft as sending and queue its task in the same transaction (both or neither)."""
    from newsletter.tasks import send_issue_task

    with transaction.atomic():
        updated = Issue.objects.filter(pk=issue.pk, status=Issue.Status.DRAFT).update(
            status=Issue.Status.SENDING, queued_at=timezone.now()
        )
        if updated:
            send_issue_task.enqueue(issue.pk)
    issue.refresh_from_db()
    return bool(updated)


MAX_RESUMES = 5


def resume_stalled():
    """Queue again every mailing left "sending" with no task waiting or running for it.

    A send task that failed outright (say, the database went away mid-pass)
    leaves its mailing half sent; sending is idempotent, so a new pass only
    sends what is still pending. After MAX_RESUMES failed tasks a mailing is
    left for staff, with the errors in the task results.
    """
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from newsletter.tasks import send_issue_task

    sending = list(Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True))
    if not sending:
        return 0
    results = DBTaskResult.objects.filter(task_path=send_issue_task.module_path).values_list("status", "args_kwargs")
    active, failures = set(), {}
    for status, args_kwargs in results:
        issue_id = (args_kwargs.get("args") or [None])[0]
        if status in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
            active.add(issue_id)
        elif status == TaskResultStatus.FAILED:
            failures[issue_id] = failures.get(issue_id, 0) + 1
    resumed = 0
    for issue_id in sending:
        if issue_id in active:
            continue
        if failures.get(issue_id, 0) >= MAX_RESUMES:
            logger.error("Mailing %s failed %s times; left for staff", issue_id, failures[issue_id])
            continue
        send_issue_task.enqueue(issue_id)
        resumed += 1
    return resumed
