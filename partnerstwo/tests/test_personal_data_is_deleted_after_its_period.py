"""The daily clean-up (manage.py daily) deletes personal data past its RETENTION_* period."""

import datetime
import io

import time_machine
from django.core.management import call_command
from django.utils import timezone

from accessibility import cases
from accessibility.models import AccessibilityRequest, CaseEvent
from limits.models import Counter
from limits.ratelimit import is_limited
from members.models import AccessionRequest
from newsletter.models import ConsentText, Subscriber


def make_case():
    return cases.receive(AccessibilityRequest(address="/kontakt/", need="Proszę o tekst.", name="Ewa", email="e@x.pl"))


def test_each_kind_goes_after_its_period_and_not_before(db, alice, settings):
    settings.RETENTION_UNCONFIRMED_SIGNUP_DAYS = 30
    settings.RETENTION_ACCESSION_DAYS = 730
    settings.RETENTION_ACCESSIBILITY_DAYS = 730
    settings.RETENTION_LIMITS_HOURS = 48
    start = timezone.now()
    pending = Subscriber.objects.create(email="a@x.pl", consent=ConsentText.current(), requested_at=start)
    confirmed = Subscriber.objects.create(
        email="b@x.pl", consent=ConsentText.current(), status=Subscriber.Status.CONFIRMED, confirmed_at=start
    )
    decided = AccessionRequest.objects.create(
        institution_name="Cech",
        kind="pracodawca",
        gmina="zakroczym",
        contact_name="Jan",
        email="j@x.pl",
        consent=True,
        status=AccessionRequest.Status.REJECTED,
        rejection_reason="Poza powiatem.",
        decided_at=start,
    )
    waiting = AccessionRequest.objects.create(
        institution_name="Koło", kind="pracodawca", gmina="zakroczym", contact_name="Ola", email="o@x.pl", consent=True
    )
    closed, still_open = make_case(), make_case()
    cases.resolve(closed, alice, "Gotowe.")
    is_limited("test", "1.2.3.4", limit=5, window=3600)

    with time_machine.travel(start + datetime.timedelta(days=29)):
        call_command("daily", stdout=io.StringIO())
    assert Subscriber.objects.filter(pk=pending.pk).exists()
    assert not Counter.objects.exists()  # its window ended long ago

    with time_machine.travel(start + datetime.timedelta(days=31)):
        out = io.StringIO()
        call_command("daily", stdout=out)
    assert "Deleted 1 unconfirmed newsletter sign-ups." in out.getvalue()
    assert list(Subscriber.objects.all()) == [confirmed]
    assert AccessionRequest.objects.count() == 2

    with time_machine.travel(start + datetime.timedelta(days=731)):
        call_command("daily", stdout=io.StringIO())
    assert list(AccessionRequest.objects.all()) == [waiting]
    assert list(AccessibilityRequest.objects.all()) == [still_open]
    assert not CaseEvent.objects.filter(case_id=closed.pk).exists()
    assert not AccessionRequest.objects.filter(pk=decided.pk).exists()


def test_a_counter_still_read_by_its_limit_is_kept(db, settings):
    settings.RETENTION_LIMITS_HOURS = 48
    for _ in range(3):
        is_limited("test", "1.2.3.4", limit=3, window=24 * 3600)
    with time_machine.travel(datetime.timedelta(hours=12)):
        call_command("daily", stdout=io.StringIO())
        assert Counter.objects.exists()
        assert is_limited("test", "1.2.3.4", limit=3, window=24 * 3600)
