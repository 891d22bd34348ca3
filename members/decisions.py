"""Deciding on a request to join: accept (an unpublished institution for staff to complete) or reject.

Both record who decided and when, and tell the applicant by e-mail. The
decision is saved first, then its e-mail is queued for the task worker (which
retries while the mail server is away), so a slow or hung mail server never
holds the request. Should even queueing fail, the decision stands and the
caller is told, so staff can write to the applicant themselves.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.models import AccessionRequest, Institution
from members.notify import accession_accepted, accession_rejected

log = logging.getLogger(__name__)


class AlreadyDecided(Exception):
    pass


class NameTaken(Exception):
    pass


def _lock_pending(req):
    locked = AccessionRequest.objects.select_for_update().get(pk=req.pk)
    if not locked.is_pending:
        raise AlreadyDecided
    return locked


def accept(req, user):
    """Accept a pending request: create the institution unpublished; returns (request, e-mail queued)."""
    try:
        with transaction.atomic():
            req = _lock_pending(req)
            req.institution = Institution.objects.create(
                name=req.institution_name, kind=req.kind, gmina=req.gmina, is_published=False
            )
            req.status = AccessionRequest.Status.ACCEPTED
            req.decided_at, req.decided_by = timezone.now(), user
            req.save(update_fields=["institution", "status", "decided_at", "decided_by"])
    except IntegrityError:
        raise NameTaken from None
    return req, _send(accession_accepted, req)


def reject(req, user, reason):
    """Reject a pending request with a reason the applicant reads; returns (request, e-mail queued)."""
    with transaction.atomic():
        req = _lock_pending(req)
        req.status = AccessionRequest.Status.REJECTED
        req.rejection_reason = reason
        req.decided_at, req.decided_by = timezone.now(), user
        req.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    return req, _send(accession_rejected, req)


def _send(notify, req):
    try:
        notify(req)
    except Exception:
        log.exception("Could not queue the e-mail with the decision on accession request %s", req.pk)
        return False
    return True
