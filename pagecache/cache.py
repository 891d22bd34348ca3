"""Whole-page cache for anonymous readers that is never stale.

Every cached page is stored with the versions of what it shows: the
site-wide *content version*, and the version of each *tag* the view named
with ``depends_on()`` (the post page names its post). A change renews what it
touches:

- a vote or a comment (models registered with ``changes_touch()``) renews the
  tags it names: only the pages of that post are rendered again;
- any other save, delete or many-to-many change of a model in PAGECACHE_APPS,
  any successful POST in the admin, and the arrival of a time that changes
  what is public (a scheduled post's publication, a meeting that starts) make
  a new site-wide version: every page is rendered again. When it is not known
  what a change touches, the whole site is renewed (correctness first).

Versions live in the shared cache. Reading them on every hit would cost a
round trip to the cache server per page, so each process trusts each version
it read for PAGECACHE_RECHECK seconds (PAGECACHE_RECHECK_MS in the
environment), and a change pays for that instead: the request (or command)
that made a new version waits PAGECACHE_RECHECK before it answers (or
exits). Any request that starts after the change was answered therefore
finds, in every process on every host, a version read after the change.
Only durations are compared, never clocks of two hosts. A view reads a tag's
version when it names it, before it loads what the tag covers, so a change
made while the page renders leaves the page stored under the older version.

Pages carry CSRF tokens (the cookie notice and newsletter forms): a page is
stored as the pieces between them, joined on each hit with the token that
Django's public ``get_token()`` gives the current visitor. Only visitors whose
cookies are all in CACHEABLE_COOKIES are served from the cache; anyone logged
in, or with a message or a rating cookie waiting, gets a fresh page.

Query parameters that no view reads (anything outside PAGECACHE_QUERY_PARAMS,
/?x=1, /?x=2, …) are dropped before the page is looked up: such a request gets
the page of the clean address, from the cache when it holds it.

When the shared cache cannot be read (PostgreSQL or Redis away), a page this
process holds for the last versions it read is still served ("X-Page-Cache:
offline"): while the database is away no content can change. Anything else
goes down the stack and gets the Polish 503 page.

ETag and Last-Modified come from the versions, so browsers and feed readers
get 304 Not Modified until something changes; Cache-Control: no-cache makes
browsers ask every time instead of guessing a freshness.
"""

import atexit
import hashlib
import re
import threading
import time
import uuid
from collections import OrderedDict
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date, quote_etag

# A cache of its own (settings.CACHES): culling pages never touches the login counters.
CACHE_ALIAS = "pages"
cache = ConnectionProxy(caches, CACHE_ALIAS)
VERSION_KEY = "pagecache:version"
TAG_PREFIX = "pagecache:tag:"
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
    """A small per-process LRU of rendered pages, checked against the shared version.

    Safe to share between the threads of a worker (gunicorn's gthread): each step holds a lock.
    """

    def __init__(self, max_bytes=32 * 1024 * 1024):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= old["size"]
            self.entries[key] = entry
            self.size += entry["size"]
            while self.size > self.max_bytes and self.entries:
                _, dropped = self.entries.popitem(last=False)
                self.size -= dropped["size"]

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


_local = _LocalPages()


class _TrustedVersions:
    """The versions (site-wide and per tag) this process last read, and when it started reading each."""

    MAX_KEYS = 20_000  # tags of posts: a small record each

    def __init__(self):
        self.values = {}

    def get(self, key):
        """The version read less than PAGECACHE_RECHECK ago, or _STALE."""
        item = self.values.get(key)
        if item is not None and time.monotonic() - item[1] < settings.PAGECACHE_RECHECK:
            return item[0]
        return _STALE

    def last(self, key):
        """The version last read, however long ago (for serving while the shared cache is away)."""
        item = self.values.get(key)
        return None if item is None else item[0]

    def remember(self, key, value, read_at):
        if len(self.values) >= self.MAX_KEYS and key not in self.values:
            self.values.clear()
        self.values[key] = (value, read_at)

    def clear(self):
        self.values.clear()


_STALE = object()
_trusted = _TrustedVersions()
# Set by the middleware for the length of a request: [moment it may answer, or None].
_answer_after = ContextVar("pagecache_answer_after", default=None)
# Set by the middleware while a cacheable page renders: {"tags": {tag: version}, "ok": bool}.
_rendering = ContextVar("pagecache_rendering", default=None)
# Set by the middleware for every GET and HEAD while fragments are on: the versions this request
# renders from, read before the view loads anything: {"site": state, "tags": {tag: version}}.
_request_versions = ContextVar("pagecache_request_versions", default=None)
# Models whose changes touch only some pages: model -> function(instance) -> list of tags.
_narrow_changes = {}
_exit_after = [None]


def reset():
    """Forget every page and version this process holds (tests clear the shared cache with it)."""
    _local.clear()
    _trusted.clear()
    from pagecache import fragments

    fragments.reset()


def _wait_for_other_processes():
    """Make the caller wait until every process has re-read the version (see the module docstring)."""
    if not (settings.PAGECACHE_ENABLED or settings.PAGECACHE_FRAGMENTS):
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
    """Start a new site-wide content version; every cached page becomes stale at once.

    ``by_change=False`` is for a scheduled moment arriving: every process
    notices that by itself, so nobody needs to wait.
    """
    state = {"v": uuid.uuid4().hex, "at": time.time(), "until": _next_change()}
    cache.set(VERSION_KEY, state, None)
    _trusted.remember(VERSION_KEY, state, time.monotonic())
    if by_change:
        _wait_for_other_processes()
    return state


def touch(*tags):
    """Renew these tags: the pages that named them with depends_on() are rendered again."""
    if not tags:
        return
    now = time.time()
    values = {TAG_PREFIX + tag: {"v": uuid.uuid4().hex, "at": now} for tag in tags}
    cache.set_many(values, None)
    started = time.monotonic()
    for key, value in values.items():
        _trusted.remember(key, value, started)
    _wait_for_other_processes()


def _tag_versions(tags, known=None):
    """The current version of each tag: trusted, given in ``known`` (just read), or read now in one go."""
    versions, missing = {}, []
    known = known or {}
    for tag in tags:
        key = TAG_PREFIX + tag
        value = known[key] if key in known else _trusted.get(key)
        if value is _STALE:
            missing.append(key)
        elif value is not None:
            versions[tag] = value["v"]
        else:
            missing.append(key)
    if missing:
        started = time.monotonic()
        found = cache.get_many(missing)
        for key in missing:
            value = found.get(key)
            if value is None:  # never renewed, or dropped by culling: start it (never reuse an old one)
                cache.add(key, {"v": uuid.uuid4().hex, "at": time.time()}, None)
                value = cache.get(key)
            _trusted.remember(key, value, started)
            versions[key.removeprefix(TAG_PREFIX)] = value["v"]
    return versions


def depends_on(*tags):
    """Called by a view before it loads what the tags cover: the page shows it (see touch()).

    The versions read here also key the fragments (pagecache.fragments) of the page.
    """
    rendering, versions = _rendering.get(), _request_versions.get()
    if (rendering is None and versions is None) or not tags:
        return
    try:
        found = _tag_versions(tags)
    except CACHE_ERRORS:
        if rendering is not None:
            rendering["ok"] = False  # the page is served, not stored
        if versions is not None:
            versions["ok"] = False  # no fragment is stored or reused either
        return
    if rendering is not None:
        rendering["tags"].update(found)
    if versions is not None:
        versions["tags"].update(found)


def changes_touch(model, tags_of):
    """Changes to ``model`` renew only the tags ``tags_of(instance)`` names, not the whole site.

    ``tags_of`` may return an empty list, or raise ObjectDoesNotExist, when it cannot
    tell: the whole site is renewed then.
    """
    _narrow_changes[model] = tags_of


def bump_on_commit(sender=None, instance=None, **kwargs):
    tags_of = _narrow_changes.get(sender)
    tags = []
    if tags_of is not None and instance is not None and kwargs.get("action") is None:
        try:
            tags = list(tags_of(instance))
        except ObjectDoesNotExist:
            tags = []
    if tags:
        transaction.on_commit(lambda: touch(*tags))
    else:
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


def _drop_unread_params(request):
    """Forget query parameters no view reads: /?x=1 is the page of / (one entry, not one per junk URL)."""
    if set(request.GET) <= settings.PAGECACHE_QUERY_PARAMS:
        return
    kept = request.GET.copy()
    for name in set(kept) - settings.PAGECACHE_QUERY_PARAMS:
        del kept[name]
    query = kept.urlencode()
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)


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
    # The parameters as Django decoded them: /szukaj/?q=dożynki and ?q=do%C5%BCynki are one page.
    raw = f"{RELEASE}|{request.path}?{request.GET.urlencode()}|{variant}".encode("utf-8", "surrogateescape")
    return "pagecache:page:" + hashlib.sha256(raw).hexdigest()


def _cacheable(response):
    if response.status_code != 200 or response.streaming:
        return False
    if any(word in response.get("Cache-Control", "") for word in ("private", "no-store", "no-cache")):
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    return response.get("Content-Type", "").split(";")[0].strip() in CACHEABLE_TYPES


def _fingerprint(entry):
    """What the entry was rendered from: the site-wide version and its tags' versions."""
    return entry["v"] + "".join(f"|{tag}={version}" for tag, version in sorted(entry["tags"].items()))


def _validators(response, key, entry, state):
    etag = hashlib.sha256(f"{_fingerprint(entry)}|{key}".encode()).hexdigest()[:32]
    response["ETag"] = quote_etag(etag)
    response["Last-Modified"] = http_date(entry["at"])
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
    def _versions_for_fragments(request):
        """The site-wide version fragments of this page are keyed on, read before the view runs; or None."""
        if not settings.PAGECACHE_FRAGMENTS or request.method not in ("GET", "HEAD"):
            return None
        try:
            state = _trusted.get(VERSION_KEY)
            if state is _STALE:
                started = time.monotonic()
                state = cache.get(VERSION_KEY)
                _trusted.remember(VERSION_KEY, state, started)
            if state is None or (state["until"] is not None and time.time() >= state["until"]):
                state = bump(by_change=False)
        except CACHE_ERRORS:
            return None  # the page renders in full; the stack below reports the outage
        return {"site": state, "tags": {}, "ok": True}

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
        _drop_unread_params(request)
        key = _page_key(request)
        entry, state = _local.get(key), _trusted.last(VERSION_KEY)
        if entry is None or state is None or entry["v"] != state["v"]:
            return None
        for tag, version in entry["tags"].items():
            last = _trusted.last(TAG_PREFIX + tag)
            if last is None or last["v"] != version:
                return None
        return self._hit(request, key, entry, state, "offline")

    def _hit(self, request, key, entry, state, label):
        parts = entry["parts"]
        self.csrf.process_request(request)  # the visitor's secret, if any
        # Django's public API: a fresh mask of the visitor's secret (a new secret for a first visit).
        body = get_token(request).encode().join(parts) if len(parts) > 1 else parts[0]
        response = HttpResponse(body, status=200)
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = label
        response = self.csrf.process_response(request, response)  # a new visitor's cookie
        _validators(response, key, entry, state)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=int(entry["at"]), response=response
        )

    def _read(self, keys):
        """Read from the shared cache; the first query of the request when it lives in PostgreSQL."""
        if self.cache_in_database:
            # This query checks the connection by itself (a failure reconnects, see
            # __call__): skip Django's separate "SELECT 1" health check, a second round trip.
            connections[DEFAULT_DB_ALIAS].health_check_done = True
        return cache.get_many(keys)

    @staticmethod
    def _fresh(entry, state, tags):
        if entry is None or entry["v"] != state["v"]:
            return False
        return all(tags.get(tag) == version for tag, version in entry["tags"].items())

    def _respond(self, request):
        if not _eligible(request):
            versions = _request_versions.set(self._versions_for_fragments(request))
            try:
                response = self.get_response(request)
            finally:
                _request_versions.reset(versions)
            if request.method == "POST" and request.path.startswith("/admin/") and response.status_code < 400:
                transaction.on_commit(bump)  # admin bulk actions may use QuerySet.update()
            return response

        _drop_unread_params(request)
        key = _page_key(request)
        local = _local.get(key)
        state = _trusted.get(VERSION_KEY)
        # One read at most for a page this process holds: the versions it no longer trusts.
        wanted = [] if state is not _STALE else [VERSION_KEY]
        if local is None:
            wanted.append(key)
        else:
            wanted += [TAG_PREFIX + t for t in local["tags"] if _trusted.get(TAG_PREFIX + t) is _STALE]
        started = time.monotonic()
        found = self._read(wanted) if wanted else {}
        if state is _STALE:
            state = found.get(VERSION_KEY)
            _trusted.remember(VERSION_KEY, state, started)
        for name in wanted:
            if name.startswith(TAG_PREFIX) and found.get(name) is not None:
                _trusted.remember(name, found[name], started)  # trusted like the site-wide version
        entry = local if local is not None else found.get(key)
        if state is None or (state["until"] is not None and time.time() >= state["until"]):
            state = bump(by_change=False)

        if entry is not None and entry["v"] == state["v"]:
            tags = _tag_versions(entry["tags"], found)
            if not self._fresh(entry, state, tags) and entry is local:
                entry = self._read([key]).get(key)  # another worker may have rendered the new versions
                if entry is not None and entry["v"] == state["v"]:
                    tags = _tag_versions(entry["tags"])
            if self._fresh(entry, state, tags):
                if entry is not local:
                    _local.put(key, entry)
                return self._hit(request, key, entry, state, "hit")
        elif entry is not None and entry is local:
            entry = self._read([key]).get(key)
            if entry is not None and self._fresh(entry, state, _tag_versions(entry["tags"])):
                _local.put(key, entry)
                return self._hit(request, key, entry, state, "hit")

        rendering = {"tags": {}, "ok": True}
        token = _rendering.set(rendering)
        fragments = {"site": state, "tags": {}, "ok": True} if settings.PAGECACHE_FRAGMENTS else None
        versions = _request_versions.set(fragments)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(token)
            _request_versions.reset(versions)
        if not rendering["ok"] or not _cacheable(response):
            return response
        parts = TOKEN_RE.split(response.content)
        headers = {k: v for k, v in response.headers.items() if k.lower() not in PER_RESPONSE_HEADERS}
        at = max([state["at"]] + [(_trusted.last(TAG_PREFIX + t) or state)["at"] for t in rendering["tags"]])
        entry = {
            "v": state["v"],
            "tags": rendering["tags"],
            "at": at,
            "parts": parts,
            "size": len(response.content),
            "headers": headers,
        }
        cache.set(key, entry, PAGE_TIMEOUT)
        _local.put(key, entry)
        response["X-Page-Cache"] = "miss"
        _validators(response, key, entry, state)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=int(entry["at"]), response=response
        )
