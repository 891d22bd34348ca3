"""Whole-page cache for anonymous readers that is never stale.

Every cached page is stored with the *content version* it was rendered
from. Any change to content (a save, delete or many-to-many change of a model
in PAGECACHE_APPS, committed; any successful POST in the admin) and the
arrival of a time that changes what is public (a scheduled post's
publication, a meeting that starts) makes a new version, so the very next
request in every worker renders afresh.

The version lives in the shared cache. Reading it on every hit would cost a
round trip to the cache server per page, so each process trusts the version
it read for PAGECACHE_RECHECK seconds (PAGECACHE_RECHECK_MS in the
environment), and a change pays for that instead: the request (or command)
that made a new version waits PAGECACHE_RECHECK before it answers (or
exits). Any request that starts after the change was answered therefore
finds, in every process on every host, a version read after the change.
Only durations are compared, never clocks of two hosts.

Pages carry CSRF tokens (the cookie notice and newsletter forms): a page is
stored as the pieces between them, joined with a token for the current
visitor on each hit. Only visitors whose cookies are all in CACHEABLE_COOKIES are
served from the cache; anyone logged in, or with a message or a rating
cookie waiting, gets a fresh page.

When the shared cache cannot be read (PostgreSQL or Redis away), a page this
process holds for the last version it read is still served ("X-Page-Cache:
offline"): while the database is away no content can change. Anything else
goes down the stack and gets the Polish 503 page.

ETag and Last-Modified come from the content version, so browsers and
feed readers get 304 Not Modified until something changes; Cache-Control:
no-cache makes browsers ask every time instead of guessing a freshness.
"""

import atexit
import hashlib
import os
import re
import time
import uuid
from collections import OrderedDict
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date, quote_etag

# A cache of its own (settings.CACHES): culling pages never touches the login counters.
CACHE_ALIAS = "pages"
cache = ConnectionProxy(caches, CACHE_ALIAS)
VERSION_KEY = "pagecache:version"
CACHEABLE_COOKIES = {"csrftoken", "cookie_notice"}
CACHEABLE_TYPES = (
    "text/html",
    "text/plain",
    "text/calendar",
    "text/csv",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
)
# Headers a hit gets from the stored response: everything the full middleware
# stack set (security headers, CSP, Vary, Content-Language…) except these.
PER_RESPONSE_HEADERS = {"set-cookie", "etag", "last-modified", "content-length", "date", "expires", "x-page-cache"}
TOKEN_RE = re.compile(rb'(?<=name="csrfmiddlewaretoken" value=")[^"]*(?=")')
PAGE_TIMEOUT = 24 * 3600

# What reading the shared cache raises when its server is away (PostgreSQL by default, or Redis).
try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # pragma: no cover - redis is in requirements/base.txt
    RedisConnectionError = RedisTimeoutError = OperationalError
CACHE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)

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
            self.size -= old["size"]
        self.entries[key] = entry
        self.size += entry["size"]
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= dropped["size"]

    def clear(self):
        self.entries.clear()
        self.size = 0


_local = _LocalPages()


class _TrustedVersion:
    """The content version this process last read, and when it started reading it."""

    state = None
    read_at = float("-inf")

    def get(self):
        if time.monotonic() - self.read_at < settings.PAGECACHE_RECHECK:
            return self.state
        return None

    def remember(self, state, read_at):
        self.state, self.read_at = state, read_at


_trusted = _TrustedVersion()
# Set by the middleware for the length of a request: [moment it may answer, or None].
_answer_after = ContextVar("pagecache_answer_after", default=None)
_exit_after = [None]


def reset():
    """Forget every page and version this process holds (tests clear the shared cache with it)."""
    _local.clear()
    _trusted.remember(None, float("-inf"))


def _wait_for_other_processes():
    """Make the caller wait until every process has re-read the version (see the module docstring)."""
    if not settings.PAGECACHE_ENABLED:
        return
    until = time.monotonic() + settings.PAGECACHE_RECHECK
    box = _answer_after.get()
    if box is not None:
        box[0] = until
    else:  # a management command: wait before it exits (the task workers change no public content)
        if _exit_after[0] is None:
            atexit.register(lambda: time.sleep(max(0.0, _exit_after[0] - time.monotonic())))
        _exit_after[0] = until


def register_time_boundary(func):
    """Register ``func() -> datetime | None``: the next moment public content changes by itself."""
    _time_boundaries.append(func)
    return func


def _next_change():
    moments = [m for m in (f() for f in _time_boundaries) if m is not None]
    return min(moments).timestamp() if moments else None


def bump(by_change=True):
    """Start a new content version; every cached page becomes stale at once.

    ``by_change=False`` is for a scheduled moment arriving: every process
    notices that by itself, so nobody needs to wait.
    """
    state = {"v": uuid.uuid4().hex, "at": time.time(), "until": _next_change()}
    cache.set(VERSION_KEY, state, None)
    _trusted.remember(state, time.monotonic())
    if by_change:
        _wait_for_other_processes()
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
    if not set(request.GET) <= settings.PAGECACHE_QUERY_PARAMS:
        return False  # a parameter no view reads: one entry per junk URL otherwise
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
        p
        for pattern in ("*/*.py", "*/templatetags/*.py", "templates/**/*", "static/**/*")
        for p in base.glob(pattern)
        if p.is_file() and ".venv" not in p.parts
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


_CHAR_INDEX = {char: i for i, char in enumerate(CSRF_ALLOWED_CHARS)}
_BASE = len(CSRF_ALLOWED_CHARS)
_UNBIASED = 256 - 256 % _BASE  # bytes at or above this would favour the first characters


def _random_indexes(count):
    indexes = []
    while len(indexes) < count:
        indexes += [byte % _BASE for byte in os.urandom(count + 8) if byte < _UNBIASED]
    return indexes[:count]


def _csrf_token(request):
    """What django.middleware.csrf.get_token() returns, without its per-character random calls.

    The secret comes from the visitor's cookie (read by CsrfViewMiddleware.process_request)
    or is new, and is masked afresh for each response, in the format Django checks.
    """
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = "".join(CSRF_ALLOWED_CHARS[i] for i in _random_indexes(CSRF_SECRET_LENGTH))
        request.META["CSRF_COOKIE"] = secret
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_indexes(CSRF_SECRET_LENGTH)
    cipher = "".join(CSRF_ALLOWED_CHARS[(_CHAR_INDEX[c] + m) % _BASE] for c, m in zip(secret, mask, strict=True))
    return "".join(CSRF_ALLOWED_CHARS[m] for m in mask) + cipher


def _validators(response, key, state):
    etag = hashlib.sha256(f"{state['v']}|{key}".encode()).hexdigest()[:32]
    response["ETag"] = quote_etag(etag)
    response["Last-Modified"] = http_date(state["at"])
    # Browsers may keep the page but must ask each time (a cheap 304 while nothing changed);
    # with Last-Modified alone they would guess a freshness and show an old page.
    patch_cache_control(response, no_cache=True)
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
        self.cache_in_database = isinstance(caches[CACHE_ALIAS], DatabaseCache)

    def __call__(self, request):
        box = [None]
        token = _answer_after.set(box)
        try:
            try:
                response = self._respond(request)
            except CACHE_ERRORS:
                # The shared cache lives in PostgreSQL by default. Drop the broken
                # connection and try a fresh one: if the server is back (a restart),
                # the stack below answers as usual. If it is away, serve the page if
                # this process holds it for the last version it read (nothing can
                # change while the database is away), else the stack's 503 page.
                response = None
                if not self._database_answers():
                    response = self._offline_hit(request)
                if response is None:
                    response = self.get_response(request)
        finally:
            _answer_after.reset(token)
        if box[0] is not None:  # this request changed content: see the module docstring
            time.sleep(max(0.0, box[0] - time.monotonic()))
        return response

    @staticmethod
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

    def _offline_hit(self, request):
        """A page from this process's memory when the shared cache cannot be read, or None."""
        if not _eligible(request):
            return None
        key = _page_key(request)
        entry, state = _local.get(key), _trusted.state
        if entry is None or state is None or entry["v"] != state["v"]:
            return None
        return self._hit(request, key, entry, state, "offline")

    def _hit(self, request, key, entry, state, label):
        parts = entry["parts"]
        self.csrf.process_request(request)  # the visitor's secret, if any
        body = _csrf_token(request).encode().join(parts) if len(parts) > 1 else parts[0]
        response = HttpResponse(body, status=200)
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = label
        response = self.csrf.process_response(request, response)  # a new visitor's cookie
        _validators(response, key, state)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=int(state["at"]), response=response
        )

    def _read(self, keys):
        """Read from the shared cache; the first query of the request when it lives in PostgreSQL."""
        if self.cache_in_database:
            # This query checks the connection by itself (a failure reconnects, see
            # __call__): skip Django's separate "SELECT 1" health check, a second round trip.
            connections[DEFAULT_DB_ALIAS].health_check_done = True
        return cache.get_many(keys)

    def _respond(self, request):
        if not _eligible(request):
            response = self.get_response(request)
            if request.method == "POST" and request.path.startswith("/admin/") and response.status_code < 400:
                transaction.on_commit(bump)  # admin bulk actions may use QuerySet.update()
            return response

        key = _page_key(request)
        local = _local.get(key)
        state = _trusted.get()
        if state is None:
            # Only the small version record travels when the page is in this process already.
            started = time.monotonic()
            found = self._read([VERSION_KEY] if local is not None else [VERSION_KEY, key])
            state = found.get(VERSION_KEY)
            _trusted.remember(state, started)
            entry = local if local is not None else found.get(key)
        else:
            entry = local if local is not None else self._read([key]).get(key)
        if state is None or (state["until"] is not None and time.time() >= state["until"]):
            state = bump(by_change=False)
        if entry is not None and entry["v"] != state["v"] and entry is local:
            entry = self._read([key]).get(key)  # another worker may have rendered the new version

        if entry is not None and entry["v"] == state["v"]:
            if entry is not local:
                _local.put(key, entry)
            return self._hit(request, key, entry, state, "hit")

        response = self.get_response(request)
        if not _cacheable(response):
            return response
        parts = TOKEN_RE.split(response.content)
        headers = {k: v for k, v in response.headers.items() if k.lower() not in PER_RESPONSE_HEADERS}
        entry = {"v": state["v"], "parts": parts, "size": len(response.content), "headers": headers}
        cache.set(key, entry, PAGE_TIMEOUT)
        _local.put(key, entry)
        response["X-Page-Cache"] = "miss"
        _validators(response, key, state)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=int(state["at"]), response=response
        )
