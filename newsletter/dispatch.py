"""What staff and the periodic loop do to a mailing: queue, schedule, pause, resume.

Each step is one conditional UPDATE on the mailing's status (so two clicks,
or a click racing the loop, change it once), and a step that starts sending
queues its task in the same transaction: both happen or neither.

    draft ──schedule──▶ scheduled ──(its time; queue_due)──▶ sending ──▶ sent
      ▲ ╰──queue (now)──────────────────────────────────────▶ │ ▲
      ╰────unschedule───────╯                         pause ▼ │ resume
                                                           paused

This module imports both newsletter.sending and newsletter.tasks; neither of
them imports it.
"""

import logging

from django.db import transaction
from django.utils import timezone

from newsletter.models import Issue
from newsletter.tasks import send_issue_task

logger = logging.getLogger(__name__)

# A send task that fails outright this many times leaves its mailing for staff.
MAX_RESUMES = 5


def _move(issue, source, **fields):
    """Change the status from ``source`` to fields["status"] if it still is ``source``; queue on sending."""
    with transaction.atomic():
        updated = Issue.objects.filter(pk=issue.pk, status=source).update(**fields)
        if updated and fields["status"] == Issue.Status.SENDING:
            send_issue_task.enqueue(issue.pk)
    issue.refresh_from_db()
    return bool(updated)


def queue(issue):
    """Send a draft now."""
    return _move(issue, Issue.Status.DRAFT, status=Issue.Status.SENDING, queued_at=timezone.now())


def schedule(issue, when):
    """Send a draft at ``when``: the periodic loop queues it then (queue_due)."""
    return _move(issue, Issue.Status.DRAFT, status=Issue.Status.SCHEDULED, scheduled_for=when)


def unschedule(issue):
    """Back to a draft (editable again)."""
    return _move(issue, Issue.Status.SCHEDULED, status=Issue.Status.DRAFT, scheduled_for=None)


def pause(issue):
    """Ask the running send to stop between two e-mails; what is sent stays sent."""
    return _move(issue, Issue.Status.SENDING, status=Issue.Status.PAUSED)


def resume(issue):
    """Send the rest of a paused mailing."""
    return _move(issue, Issue.Status.PAUSED, status=Issue.Status.SENDING)


def queue_due(now=None):
    """Queue every scheduled mailing whose time has come; returns how many."""
    now = now or timezone.now()
    due = Issue.objects.filter(status=Issue.Status.SCHEDULED, scheduled_for__lte=now).order_by("scheduled_for")
    return sum(
        _move(issue, Issue.Status.SCHEDULED, status=Issue.Status.SENDING, queued_at=now) for issue in due.only("pk")
    )


def resume_stalled():
    """Queue again every mailing left "sending" with no task waiting or running for it.

    A send task that failed outright (say, the database went away mid-pass)
    leaves its mailing half sent; sending is idempotent, so a new pass only
    sends what is still pending. After MAX_RESUMES failed tasks a mailing is
    left for staff, with the errors in the task results. Paused mailings are
    not touched: they wait for staff.
    """
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

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
