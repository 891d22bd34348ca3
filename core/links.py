"""Public addresses of the portal's pages, for e-mails, feeds, calendars and structured data."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path):
    """The public address of a path, from SITE_URL (never from the request's Host header)."""
    return settings.SITE_URL + path


def site_host():
    """The portal's host name (no port), for Message-IDs, calendar UIDs and e-mail greetings."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"
