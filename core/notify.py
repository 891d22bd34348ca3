"""Who on staff hears about things that wait for them (requests, comments)."""

from django.conf import settings
from django.contrib.auth import get_user_model


def staff_recipients():
    """STAFF_NOTIFY_EMAILS, or else every active staff member with an e-mail address."""
    if settings.STAFF_NOTIFY_EMAILS:
        return list(settings.STAFF_NOTIFY_EMAILS)
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))
