"""Discovery helpers: JSON-LD data blocks, the partnership as schema.org data, sitemap sections."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window
from django.utils.safestring import mark_safe

from core.links import absolute_url

# The same escapes as Django's json_script: the data can never close its <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def partnership(**details):
    """schema.org: the partnership itself, as publisher, organiser or the founded organisation."""
    return {"@type": "GovernmentOrganization", "name": settings.SITE_NAME, "url": absolute_url("/"), **details}


def json_ld(data):
    """Serialise structured data for ``<script type="application/ld+json">`` (data, not executed)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return mark_safe(text)  # noqa: S308 - <, > and & are escaped above


class OneQueryPaginator(Paginator):
    """A page of a queryset in one query: the total comes along as a window count, not as a COUNT of its own.

    sitemap.xml reads one page of every section; this keeps it at one query per section.
    """

    def page(self, number):
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("Numer strony nie jest liczbą.") from None
        if number < 1:
            raise EmptyPage("Numer strony jest mniejszy niż 1.")
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list.annotate(page_total=Window(Count("*")))[bottom : bottom + self.per_page])
        self.count = rows[0].page_total if rows else 0  # replaces the cached COUNT query
        if not rows and number > 1:
            raise EmptyPage("Ta strona nie zawiera wyników.")
        return self._get_page(rows, number, self)


class PortalSitemap(Sitemap):
    """Base for every sitemap section: addresses from SITE_URL, not from the request's Host header."""

    @property
    def paginator(self):
        return OneQueryPaginator(self._items(), self.limit)

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme
