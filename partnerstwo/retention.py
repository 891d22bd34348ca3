"""Personal data the portal no longer needs, deleted by the daily duties (`manage.py daily`, run hourly).

Each period is a setting (RETENTION_*), named in the RODO clauses beside the forms and in the
privacy policy:
- newsletter sign-ups never confirmed, RETENTION_UNCONFIRMED_SIGNUP_DAYS after the request;
- accession requests, RETENTION_ACCESSION_DAYS after the decision (pending ones stay);
- accessibility cases, RETENTION_ACCESSIBILITY_DAYS after they were closed (open ones stay),
  with their history;
- rate-limit counters (a hash of the visitor's IP address or e-mail), RETENTION_LIMITS_HOURS
  after their slice began, and every counter no limit reads any more.
And working copies of the admin (drafts/models.py): autosaved drafts DRAFT_DAYS after their last
autosave, files kept from a refused form KEPT_FILE_HOURS after they were kept (with the file).
"""

import datetime

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accessibility.models import AccessibilityRequest
from drafts.models import DRAFT_DAYS, KEPT_FILE_HOURS, Draft, KeptFile, PreviewLink
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
            "admin drafts": _delete(Draft.objects.filter(saved_at__lt=now - DRAFT_DAYS * days), Draft),
            "kept files": _delete_kept_files(now - datetime.timedelta(hours=KEPT_FILE_HOURS)),
            "ended preview links": _delete(PreviewLink.objects.past_keeping(now), PreviewLink),
        }


def _delete(queryset, model):
    return queryset.delete()[1].get(model._meta.label, 0)


def _delete_kept_files(before):
    kept = list(KeptFile.objects.filter(kept_at__lt=before).values_list("pk", "path"))
    for _, path in kept:
        default_storage.delete(path)
    KeptFile.objects.filter(pk__in=[pk for pk, _ in kept]).delete()
    return len(kept)
