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
4. Pause: staff may pause a running mailing (newsletter/dispatch.py). The
   sender looks at the mailing's status every PAUSE_CHECK_EVERY e-mails and
   stops between two e-mails; resuming queues a pass that sends the pending
   rows, so a pause changes nothing about exactly-once.

Queueing, scheduling, pausing and resuming (what puts tasks in the queue)
live in newsletter/dispatch.py, so this module and newsletter/tasks.py do
not import each other.

A PostgreSQL advisory lock keeps two workers off the same mailing; the server
drops it by itself when a worker's connection dies.
"""

import contextlib
import itertools
import logging
from datetime import timedelta

from django.core.mail import mailers
from django.db import connection
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
# How often (in e-mails) a running send looks whether staff paused it: one tiny query each time.
PAUSE_CHECK_EVERY = 20


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
        Delivery.objects.bulk_create([Delivery(issue=issue, subscriber_id=pk) for pk in chunk], ignore_conflicts=True)
    issue.planned_at = timezone.now()
    Issue.objects.filter(pk=issue.pk, planned_at__isnull=True).update(planned_at=issue.planned_at)


class Outcome:
    DONE = "done"  # nothing left to send
    RETRY = "retry"  # some rows wait for another attempt
    BUSY = "busy"  # another worker holds the mailing
    PAUSED = "paused"  # staff paused it; resuming queues a new pass


def send_issue(issue_id, *, batch_size=BATCH_SIZE):
    """Send what is pending of a mailing; returns an Outcome value."""
    with issue_lock(issue_id) as got:
        if not got:
            return Outcome.BUSY
        issue = Issue.objects.get(pk=issue_id)
        if issue.status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
            return Outcome.DONE  # not ordered (yet): nothing to do
        if issue.status == Issue.Status.PAUSED:
            return Outcome.PAUSED
        plan(issue)
        content = IssueContent(issue)
        stopped = _send_pending(issue, content, batch_size)
        left = Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).exists()
        if stopped == Outcome.PAUSED and left:
            return Outcome.PAUSED
        if stopped or left:
            return Outcome.RETRY
        Issue.objects.filter(pk=issue.pk, status__in=[Issue.Status.SENDING, Issue.Status.PAUSED]).update(
            status=Issue.Status.SENT, finished_at=timezone.now()
        )
        return Outcome.DONE


def _paused(issue):
    return Issue.objects.filter(pk=issue.pk, status=Issue.Status.PAUSED).exists()


def _send_pending(issue, content, batch_size):
    """Send the pending rows; returns None when none is left, or why it stopped (RETRY, PAUSED)."""
    last_pk = 0
    failures_in_a_row = 0
    since_pause_check = PAUSE_CHECK_EVERY  # look once before the first e-mail
    pending = (
        Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING)
        .select_related("subscriber")
        .only(
            "pk",
            "attempts",
            "subscriber__email",
            "subscriber__status",
            "subscriber__wants_posts",
            "subscriber__wants_issues",
        )
        .order_by("pk")
    )
    wants_field = "wants_posts" if issue.kind == Issue.Kind.POST_NOTICE else "wants_issues"
    while True:
        batch = list(pending.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return None
        backend = mailers.default
        backend.open()
        try:
            for delivery in batch:
                if since_pause_check >= PAUSE_CHECK_EVERY:
                    if _paused(issue):
                        return Outcome.PAUSED
                    since_pause_check = 0
                since_pause_check += 1
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
                        return Outcome.RETRY
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
        status=status,
        attempts=attempts,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        updated_at=timezone.now(),
    )
