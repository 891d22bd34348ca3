import datetime

import pytest
from django.utils import timezone

WARSAW = datetime.timezone(datetime.timedelta(hours=1))  # December: Warsaw is UTC+1


@pytest.fixture
def make_case(db):
    """An accessibility case as the public form leaves it (received now unless told)."""
    from accessibility import cases
    from accessibility.models import AccessibilityRequest

    def make(**fields):
        data = {
            "address": "http://127.0.0.1:8000/spotkania/",
            "need": "Protokół w PDF jest skanem; proszę o wersję tekstową.",
            "alternative": "tekst-email",
            "name": "Ewa Przykładowa",
            "email": "ewa@example.org",
            "received_at": timezone.now(),
        }
        data.update(fields)
        return cases.receive(AccessibilityRequest(**data))

    return make


def at(day, hour=10):
    """A moment in Warsaw, for time_machine."""
    return datetime.datetime(2026, 12, day, hour, tzinfo=WARSAW)
