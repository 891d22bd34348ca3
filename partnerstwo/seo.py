"""Discovery helpers: absolute addresses from SITE_URL and JSON-LD data blocks."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils.safestring import mark_safe

# The same escapes as Django's json_script: the data can never close its <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(path):
    """The public address of a path, from SITE_URL (not from the request's Host header)."""
    return settings.SITE_URL + path


def json_ld(data):
    """Serialise structured data for ``<script type="application/ld+json">`` (data, not executed)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return mark_safe(text)  # noqa: S308 - <, > and & are escaped above


class PortalSitemap(Sitemap):
    """Base for every sitemap section: addresses from SITE_URL, not from the request's Host header."""

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme
