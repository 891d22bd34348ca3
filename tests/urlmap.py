"""Every URL the site has, with sample arguments, for tests that visit them all.

New URL patterns (from any app) are picked up automatically: an argument gets
a value from SAMPLES by its name, else one that fits its converter.
"""

import re
import uuid

from django.urls import URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter, UUIDConverter
from django.urls.resolvers import RoutePattern
from django.utils.regex_helper import normalize

# Slugs that the hostile-input tests create objects for (see the test's fixture).
SAMPLES = {
    "slug": "przyklad",
    "pk": "1",
    "id": "1",
    "object_id": "1",
    "content_type_id": "1",
    "year": "2024",
    "month": "5",
    "day": "1",
    "app_label": "news",
    "path": "plik.txt",
    "url": "przyklad",
    "token": "abc-123",
    "uidb64": "MQ",
    "key": "abc123",
    "ext": "pdf",
}

_ROUTE_ARG = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def sample_value(name, converter=None):
    if name in SAMPLES:
        return SAMPLES[name]
    if isinstance(converter, IntConverter):
        return "1"
    if isinstance(converter, UUIDConverter):
        return str(uuid.UUID(int=1))
    if isinstance(converter, PathConverter):
        return "przyklad/plik"
    return "przyklad"


def _fill(pattern, value_for):
    """The concrete text of one pattern, or None if no sample fits its regex."""
    if isinstance(pattern, RoutePattern):
        converters = pattern.converters
        return _ROUTE_ARG.sub(lambda m: value_for(m["name"], converters.get(m["name"])), str(pattern))
    regex = pattern.regex
    for template, params in normalize(regex.pattern):
        text = template % {name: value_for(name, None) for name in params}
        if regex.match(text) or value_for is not sample_value:
            return text
    return None


def site_urls(value_for=sample_value):
    """[(url, pattern name)] for every pattern; ``value_for(name, converter)`` fills arguments."""
    found = []

    def walk(resolver, prefix):
        for entry in resolver.url_patterns:
            text = _fill(entry.pattern, value_for)
            if text is None:
                continue
            if isinstance(entry, URLResolver):
                walk(entry, prefix + text)
            else:
                found.append(("/" + prefix + text, entry.name or entry.lookup_str))

    walk(get_resolver(), "")
    return found
