"""Whole pages for anonymous readers, from the shared cache, never older than what they show.

A stored page is keyed, like Django's ``cache_page``, on its absolute address, under the name
of the running release. It records the
content version (pagecache.versions) and the versions of the tags its view shows. Each
request reads, in one round trip, the page, the site-wide version and those tags; a page
rendered from older versions is rendered again. Every entry also expires after
PAGECACHE_MAX_AGE seconds, a safety net for a change that nothing reported.

Only visitors whose cookies are all in CACHEABLE_COOKIES are served from the cache: anyone
signed in, or with a message or a vote of their own waiting, gets a page rendered for them.
Query parameters the address's view does not read (``@reads()``) are dropped before the
look-up, so /?x=1 and /?page=7 are the page of /.

Pages carry CSRF tokens (the newsletter forms): a page is stored as the
pieces between them and joined on each hit with the token Django's public ``get_token()``
gives the current visitor.

While the shared cache cannot be read (PostgreSQL or Redis away), a page this process served
for the last versions it read is still served ("X-Page-Cache: offline"): nothing can change
while the database is away. Anything else goes down the stack and gets the Polish 503 page.

ETag and Last-Modified come from the versions, so browsers and feed readers get 304 Not
Modified until something changes (django.utils.cache.get_conditional_response).
"""

import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date, quote_etag

from core.release import release
from pagecache import versions
from pagecache.versions import CACHE_ERRORS, VERSION_KEY

log = logging.getLogger(__name__)

# "cookie_notice" was set by the retired cookie notice; browsers keep it for a year.
CACHEABLE_COOKIES = {"csrftoken", "cookie_notice"}
CACHEABLE_TYPES = {
    "text/html",
    "text/plain",
    "text/calendar",
    "text/csv",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
}
# Headers a hit gets from the stored response: everything the full middleware stack set
# (security headers, CSP, Vary, Content-Language…) except these.
PER_RESPONSE_HEADERS = {"set-cookie", "etag", "last-modified", "content-length", "date", "expires", "x-page-cache"}
TOKEN_RE = re.compile(rb'(?<=name="csrfmiddlewaretoken" value=")[^"]*(?=")')

# This process's copies of the pages it served (settings.CACHES): served when the versions read
# for the request match them, so a hit reads only the small version records; and served alone
# while the shared cache cannot be read.
local_pages = ConnectionProxy(caches, "pages-local")
# The versions this process read last: an offline page must have been rendered from them.
_last_read = {"site": None, "tags": {}}


# A longer query string than any page links to is answered by the stack below, uncached (it
# refuses what is too long or has too many fields, with its own headers).
MAX_QUERY_LENGTH = 1000


def eligible(request):
    if not settings.PAGECACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(settings.PAGECACHE_EXCLUDED_PREFIXES):
        return False
    if not set(request.COOKIES) <= CACHEABLE_COOKIES:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    # What SecurityMiddleware and CommonMiddleware check below us must hold for a hit too:
    try:
        request.get_host()
    except DisallowedHost:
        return False  # CommonMiddleware answers 400, with every header of the stack above it
    return request.is_secure() or not settings.SECURE_SSL_REDIRECT


def drop_unread_params(request, view):
    """Forget query parameters the view does not read: /?x=1 is the page of / (one entry, not one per junk URL)."""
    read = getattr(view, "query_params", frozenset())
    if set(request.GET) <= read:
        return
    kept = request.GET.copy()
    for name in set(kept) - read:
        del kept[name]
    request.META["QUERY_STRING"] = kept.urlencode()
    request.GET = QueryDict(request.META["QUERY_STRING"])


def page_key(request):
    """A bounded key, whatever the address: its hash, with the release."""
    # The parameters as Django decoded them: /szukaj/?q=dożynki and ?q=do%C5%BCynki are one page.
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.GET.urlencode()}"
    raw = f"{release()}|{address}".encode("utf-8", "surrogateescape")
    return "page:" + hashlib.sha256(raw).hexdigest()


def resolved(request):
    """The view of this address and its URL arguments, or (None, {}) for an address with none."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None, {}
    return match.func, match.kwargs


def cacheable(response):
    if response.status_code != 200 or response.streaming:
        return False
    if any(word in response.get("Cache-Control", "") for word in ("private", "no-store", "no-cache")):
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    return response.get("Content-Type", "").split(";")[0].strip() in CACHEABLE_TYPES


def _set_validators(response, key, entry):
    fingerprint = entry["v"] + "".join(f"|{tag}={version}" for tag, version in sorted(entry["tags"].items()))
    response["ETag"] = quote_etag(hashlib.sha256(f"{fingerprint}|{key}".encode()).hexdigest()[:32])
    response["Last-Modified"] = http_date(entry["at"])
    # Browsers may keep the page but must ask each time (a cheap 304 while nothing changed);
    # with Last-Modified alone they would guess a freshness and show an old page.
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])


class PublicPageCacheMiddleware:
    """The first middleware: a hit skips the rest of the stack.

    A miss goes through every middleware and the view; what the stack added to the response
    (headers) is stored with the page. On a hit, the CSRF middleware's own methods read the
    visitor's secret and, for a first visit, set the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not eligible(request):
            response = self.get_response(request)
            if (
                request.method == "POST"
                and request.path.startswith("/admin/")
                and response.status_code < 400
                and not getattr(response, "changes_no_content", False)  # an autosaved draft, say
            ):
                transaction.on_commit(versions.bump)  # admin bulk actions may use QuerySet.update()
            return response

        view, kwargs = resolved(request)
        if view is not None:  # elsewhere the stack answers 404, or redirects keeping the query
            drop_unread_params(request, view)
        key = page_key(request)
        tags_of = getattr(view, "page_tags", None)
        tag_keys = {versions.tag_key(tag): tag for tag in (tags_of(**kwargs) if tags_of else [])}
        local = local_pages.get(key)
        try:
            # One round trip: the versions, and the page itself unless this process holds a copy.
            found = versions.cache.get_many([VERSION_KEY, *tag_keys] + ([key] if local is None else []))
            site = found.get(VERSION_KEY)
            if not versions.is_current(site):  # never made, culled, or a moment of the clock passed
                site = versions.bump()
            tags = {tag: versions.tag_version(tag_key, found) for tag_key, tag in tag_keys.items()}
            _remember(site, tags)
            current = {"v": site["v"], "tags": {tag: value["v"] for tag, value in tags.items()}}
            entry = found.get(key, local)
            if local is not None and not _rendered_from(local, current):
                entry = versions.cache.get(key)  # this copy is old; another process may have stored a new one
        except CACHE_ERRORS:
            return self._offline(request, key, local)

        if _rendered_from(entry, current):
            if entry is not local:
                local_pages.set(key, entry)
            return self._hit(request, key, entry, "hit")
        response = self.get_response(request)
        if cacheable(response):
            self._store(request, key, response, site, tags)
        return response

    def _store(self, request, key, response, site, tags):
        entry = {
            "v": site["v"],
            "tags": {tag: value["v"] for tag, value in tags.items()},
            "at": max([site["at"]] + [value["at"] for value in tags.values()]),
            "stored": time.time(),
            "parts": TOKEN_RE.split(response.content),
            "headers": {k: v for k, v in response.headers.items() if k.lower() not in PER_RESPONSE_HEADERS},
            # The item the page shows (stats.counter.shown): a hit is counted as a view of it too.
            "item": getattr(response, "view_item", None),
        }
        try:
            versions.cache.set(key, entry, settings.PAGECACHE_MAX_AGE)
        except Exception:  # a page that cannot be stored is still answered
            log.warning("A page could not be stored in the page cache: %s", request.path, exc_info=True)
            return
        local_pages.set(key, entry)
        response["X-Page-Cache"] = "miss"
        _set_validators(response, key, entry)

    def _hit(self, request, key, entry, label):
        self.csrf.process_request(request)  # the visitor's secret, if any
        parts = entry["parts"]
        # Django's public API: a fresh mask of the visitor's secret (a new secret for a first visit).
        body = get_token(request).encode().join(parts) if len(parts) > 1 else parts[0]
        response = HttpResponse(body)
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = label
        response.view_item = entry.get("item")
        response = self.csrf.process_response(request, response)  # a new visitor's cookie
        _set_validators(response, key, entry)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=int(entry["at"]), response=response
        )

    def _offline(self, request, key, local):
        """The shared cache cannot be read: this process's copy, or the stack (which answers 503)."""
        # The cache lives in PostgreSQL by default: drop the broken connection and try a fresh one.
        # If the server is back (a restart), the stack below answers as usual.
        if not _database_answers():
            site = _last_read["site"]
            if (
                local is not None
                and versions.is_current(site)
                and local["v"] == site["v"]
                and all(_last_read["tags"].get(tag) == version for tag, version in local["tags"].items())
            ):
                return self._hit(request, key, local, "offline")
        return self.get_response(request)


def _rendered_from(entry, current):
    """Whether a stored page was rendered from the current versions, within its maximum age."""
    return (
        entry is not None
        and entry["v"] == current["v"]
        and entry["tags"] == current["tags"]
        and time.time() - entry.get("stored", 0) < settings.PAGECACHE_MAX_AGE
    )


def _remember(site, tags):
    """The versions this process read last: while the shared cache is away, its pages must match them."""
    _last_read["site"] = site
    if len(_last_read["tags"]) > 10_000:  # one per post page served: a small record each
        _last_read["tags"].clear()
    _last_read["tags"].update({tag: value["v"] for tag, value in tags.items()})


def _database_answers():
    connection = connections[DEFAULT_DB_ALIAS]
    connection.close()
    try:
        connection.ensure_connection()
        if connection.is_usable():
            return True
    except DatabaseError:  # OperationalError; ProgrammingError inside a test's transaction
        pass
    connection.close()
    return False
