"""The steps of an accessibility case: received, deadline extended, resolved, refused.

Each step changes the case under a row lock (two staff members acting at once cannot both
close it), writes one history row, and queues the e-mail the law implies for the requester;
the e-mail goes out once the transaction commits (core/notify.py), so a mail server that is
away never holds the request. Should even queueing fail, the step stands and the caller is
told, so staff can write to the requester themselves.
"""

import logging

from django.db import transaction
from django.utils import timezone

from accessibility import notify
from accessibility.models import AccessibilityRequest, CaseEvent
from core.templatetags.pl import pl_date

log = logging.getLogger(__name__)


class AlreadyClosed(Exception):
    pass


def receive(case):
    """Save a new case from the public form; the requester and staff get an e-mail."""
    with transaction.atomic():
        case.save()
        CaseEvent.objects.create(
            case=case, kind=CaseEvent.Kind.RECEIVED, at=case.received_at, text=f"Termin: {pl_date(case.due_on)}."
        )
    notify.received(case)
    return case


def _lock_open(case):
    locked = AccessibilityRequest.objects.select_for_update().get(pk=case.pk)
    if not locked.is_open:
        raise AlreadyClosed
    return locked


def _step(case, user, kind, text, mail):
    mailed = _send(mail, case)
    CaseEvent.objects.create(case=case, by=user, kind=kind, text=text, mailed=mailed)
    return case, mailed


def extend(case, user, new_date, reason):
    """Move the deadline (at most two months from the request) and tell the requester why."""
    with transaction.atomic():
        case = _lock_open(case)
        case.due_on, case.extension_reason = new_date, reason
        case.status = AccessibilityRequest.Status.EXTENDED
        case.save(update_fields=["due_on", "extension_reason", "status"])
        return _step(
            case, user, CaseEvent.Kind.EXTENDED, f"Nowy termin: {pl_date(new_date)}. Powód: {reason}", notify.extended
        )


def resolve(case, user, outcome):
    """Close the case as done; the requester reads how access was given."""
    with transaction.atomic():
        case = _lock_open(case)
        case.status, case.outcome, case.closed_at = AccessibilityRequest.Status.RESOLVED, outcome, timezone.now()
        case.save(update_fields=["status", "outcome", "closed_at"])
        return _step(case, user, CaseEvent.Kind.RESOLVED, outcome, notify.resolved)


def refuse(case, user, reason, alternative):
    """Close the case with a refusal, always offering another way to the information."""
    with transaction.atomic():
        case = _lock_open(case)
        case.status, case.closed_at = AccessibilityRequest.Status.REFUSED, timezone.now()
        case.outcome, case.alternative_offered = reason, alternative
        case.save(update_fields=["status", "outcome", "alternative_offered", "closed_at"])
        text = f"Powód: {reason}\nZaproponowany dostęp alternatywny: {alternative}"
        return _step(case, user, CaseEvent.Kind.REFUSED, text, notify.refused)


def _send(mail, case):
    try:
        mail(case)
    except Exception:
        log.exception("Could not queue the e-mail about accessibility case %s", case.pk)
        return False
    return True
