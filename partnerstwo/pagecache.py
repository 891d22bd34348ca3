"""Whole-page cache for anonymous readers that is never stale.

Every cached page is stored with the *content version* it was rendered
from. Any change to content (a save, delete or many-to-many change of a model
in PAGECACHE_APPS, committed; any successful POST in the admin) and the
arrival of a time that changes what is public (a scheduled post's
publication, a meeting that starts) makes a new version, so the very next
request in every worker renders afresh. The version and the page are read
from the shared cache in one round trip.

Pages carry CSRF tokens (the cookie notice and newsletter forms): those are
cut out before storing and a token for the current visitor is put back on
each hit. Only visitors whose cookies are all in CACHEABLE_COOKIES are
served from the cache; anyone logged in, or with a message or a rating
cookie waiting, gets a fresh page.

ETag and Last-Modified come from the content version, so browsers and
feed readers get 304 Not Modified until something changes.
"""

import hashlib
import re
import time
import uuid
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

VERSION_KEY = "pagecache:version"
CACHEABLE_COOKIES = {"csrftoken", "cookie_notice"}
CACHEABLE_TYPES = (
    "text/html", "text/plain", "text/calendar", "text/csv", "text/xml",
    "application/xml", "application/rss+xml", "application/atom+xml", "application/json",
)
# Headers a hit gets from the stored response: everything the full middleware
# stack set (security headers, CSP, Vary, Content-Language…) except these.
PER_RESPONSE_HEADERS = {"set-cookie", "etag", "last-modified", "content-length", "date", "expires", "x-page-cache"}
TOKEN_RE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
MARKER = b"\x00csrf\x00"
PAGE_TIMEOUT = 24 * 3600

_time_boundaries = []


class _LocalPages:
    """A small per-process LRU of rendered pages, checked against the shared version."""

    def __init__(self, max_bytes=32 * 1024 * 1024):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries = OrderedDict()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old["body"])
        self.entries[key] = entry
        self.size += len(entry["body"])
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped["body"])

    def clear(self):
        self.entries.clear()
        self.size = 0


_local = _LocalPages()


def register_time_boundary(func):
    """Register ``func() -> datetime | None``: the next moment public content changes by itself."""
    _time_boundaries.append(func)
    return func


def _next_change():
    moments = [m for m in (f() for f in _time_boundaries) if m is not None]
    return min(moments).timestamp() if moments else None


def bump():
    """Start a new content version; every cached page becomes stale at once."""
    state = {"v": uuid.uuid4().hex, "at": time.time(), "until": _next_change()}
    cache.set(VERSION_KEY, state, None)
    return state


def bump_on_commit(*args, **kwargs):
    transaction.on_commit(bump)


def connect_signals():
    for label in settings.PAGECACHE_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"pagecache:{model._meta.label}"
            post_save.connect(bump_on_commit, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(bump_on_commit, sender=model, dispatch_uid=uid + ":delete")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(bump_on_commit, sender=through, dispatch_uid=f"{uid}:{field.name}")


def _eligible(request):
    if not settings.PAGECACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(settings.PAGECACHE_EXCLUDED_PREFIXES):
        return False
    if not set(request.COOKIES) <= CACHEABLE_COOKIES:
        return False
    # What SecurityMiddleware and CommonMiddleware check below us must hold for a hit too:
    request.get_host()  # DisallowedHost (a 400) for a host not in ALLOWED_HOSTS
    return request.is_secure() or not settings.SECURE_SSL_REDIRECT


def _release():
    """A fingerprint of the code, templates and static files this process serves.

    Part of every page key, so pages rendered by an older release are never
    served by a newer one (and the other way round during a rolling restart).
    """
    digest = hashlib.sha256()
    base = settings.BASE_DIR
    for path in sorted(
        p for pattern in ("*/*.py", "*/templatetags/*.py", "templates/**/*", "static/**/*")
        for p in base.glob(pattern) if p.is_file() and ".venv" not in p.parts
    ):
        stat = path.stat()
        digest.update(f"{path.relative_to(base)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


RELEASE = _release()


def _page_key(request):
    variant = "notice-read" if request.COOKIES.get("cookie_notice") == "1" else "notice-shown"
    raw = f"{RELEASE}|{request.get_full_path()}|{variant}".encode("utf-8", "surrogateescape")
    return "pagecache:page:" + hashlib.sha256(raw).hexdigest()


def _cacheable(response):
    if response.status_code != 200 or response.streaming:
        return False
    if any(word in response.get("Cache-Control", "") for word in ("private", "no-store", "no-cache")):
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    return response.get("Content-Type", "").split(";")[0].strip() in CACHEABLE_TYPES


def _validators(response, key, state):
    etag = hashlib.sha256(f"{state['v']}|{key}".encode()).hexdigest()[:32]
    response["ETag"] = quote_etag(etag)
    response["Last-Modified"] = http_date(state["at"])
    patch_vary_headers(response, ["Cookie"])
    return response


class PublicPageCacheMiddleware:
    """The first middleware: a hit skips the rest of the stack.

    A miss goes through every middleware and the view; what the stack added
    to the response (headers) is stored with the page. On a hit, the CSRF
    middleware's own methods read the visitor's secret and, for a first
    visit, set the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)
        self.cache_in_database = isinstance(caches[DEFAULT_CACHE_ALIAS], DatabaseCache)

    def __call__(self, request):
        try:
            return self._respond(request)
        except (OperationalError, InterfaceError):
            # The shared cache lives in PostgreSQL by default. Drop the broken
            # connection and let the stack below answer: with a fresh connection
            # if the server is back, with its 503 page if it is away.
            connections[DEFAULT_DB_ALIAS].close()
            return self.get_response(request)

    def _respond(self, request):
        if not _eligible(request):
            response = self.get_response(request)
            if request.method == "POST" and request.path.startswith("/admin/") and response.status_code < 400:
                transaction.on_commit(bump)  # admin bulk actions may use QuerySet.update()
            return response

        if self.cache_in_database:
            # The cache read below is this request's first query and checks the
            # connection by itself (a failure reconnects, see __call__): skip
            # Django's separate "SELECT 1" health check, a second round trip.
            connections[DEFAULT_DB_ALIAS].health_check_done = True
        key = _page_key(request)
        local = _local.get(key)
        if local is not None:
            # Only the small version record travels; the page is in this process already.
            state = cache.get(VERSION_KEY)
            entry = local
        else:
            found = cache.get_many([VERSION_KEY, key])
            state = found.get(VERSION_KEY)
            entry = found.get(key)
        if state is None or (state["until"] is not None and time.time() >= state["until"]):
            state = bump()
        if entry is not None and entry["v"] != state["v"] and local is not None:
            entry = cache.get(key)  # another worker may have rendered the new version

        if entry is not None and entry["v"] == state["v"]:
            if entry is not local:
                _local.put(key, entry)
            body = entry["body"]
            self.csrf.process_request(request)  # the visitor's secret, if any
            if MARKER in body:
                body = body.replace(MARKER, get_token(request).encode())
            response = HttpResponse(body, status=200)
            for name, value in entry["headers"].items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            response = self.csrf.process_response(request, response)  # a new visitor's cookie
        else:
            response = self.get_response(request)
            if not _cacheable(response):
                return response
            body = TOKEN_RE.sub(rb"\1" + MARKER + rb"\2", response.content)
            headers = {k: v for k, v in response.headers.items() if k.lower() not in PER_RESPONSE_HEADERS}
            entry = {"v": state["v"], "body": body, "headers": headers}
            cache.set(key, entry, PAGE_TIMEOUT)
            _local.put(key, entry)
            response["X-Page-Cache"] = "miss"

        _validators(response, key, state)
        conditional = get_conditional_response(
            request, etag=response["ETag"], last_modified=int(state["at"]), response=response
        )
        return conditional
