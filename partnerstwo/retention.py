"""Personal data the portal no longer needs, deleted by the daily duties (`manage.py daily`, run hourly).

Each period is a setting (RETENTION_*), named in the RODO clauses beside the forms and in the
privacy policy:
- newsletter sign-ups never confirmed, RETENTION_UNCONFIRMED_SIGNUP_DAYS after the request;
- accession requests, RETENTION_ACCESSION_DAYS after the decision (pending ones stay);
- accessibility cases, RETENTION_ACCESSIBILITY_DAYS after they were closed (open ones stay),
  with their history;
- rate-limit counters (a hash of the visitor's IP address or e-mail), RETENTION_LIMITS_HOURS
  after their slice began, and every counter no limit reads any more.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accessibility.models import AccessibilityRequest
from limits.models import Counter
from members.models import AccessionRequest
from newsletter.models import Subscriber


def prune(now=None):
    """Delete what is past its period; returns {what: how many rows} (related rows not counted)."""
    now = now or timezone.now()
    days = datetime.timedelta(days=1)
    seconds = int(now.timestamp())
    with transaction.atomic():
        signups = Subscriber.objects.filter(
            status=Subscriber.Status.PENDING,
            confirmed_at__isnull=True,
            requested_at__lt=now - settings.RETENTION_UNCONFIRMED_SIGNUP_DAYS * days,
        )
        accession = AccessionRequest.objects.exclude(status=AccessionRequest.Status.PENDING).filter(
            decided_at__lt=now - settings.RETENTION_ACCESSION_DAYS * days
        )
        cases = AccessibilityRequest.objects.closed().filter(
            closed_at__lt=now - settings.RETENTION_ACCESSIBILITY_DAYS * days
        )
        counters = Counter.objects.filter(expires_at__lte=seconds) | Counter.objects.filter(
            window_start__lt=seconds - settings.RETENTION_LIMITS_HOURS * 3600
        )
        return {
            "unconfirmed newsletter sign-ups": _delete(signups, Subscriber),
            "decided accession requests": _delete(accession, AccessionRequest),
            "closed accessibility cases": _delete(cases, AccessibilityRequest),
            "rate-limit counters": _delete(counters, Counter),
        }


def _delete(queryset, model):
    return queryset.delete()[1].get(model._meta.label, 0)
