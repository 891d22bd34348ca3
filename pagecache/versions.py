"""Content versions: what a stored page was rendered from, renewed by every change.

The site-wide *content version* lives in the shared cache (the ``pages`` alias, see
settings.CACHES). A new one is made

- on commit of any save, delete or many-to-many change of a model in PAGECACHE_APPS;
- after any successful POST in the admin (bulk actions may use ``QuerySet.update()``);
- when the clock passes the next moment at which public content changes by itself
  (pagecache.clock): the version carries that moment as ``until``, and the first
  request after it makes a new version.

Some changes touch only a few pages: a vote or a comment shows on its post's page alone.
Such models are registered with ``changes_touch()`` and renew a *tag* instead, and a view
whose page shows the tag says so with ``@shows()``. Nothing here is trusted for any time:
every request reads the versions it needs, so a change is seen by the very next request,
in every process on every server.
"""

import functools
import hashlib
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ObjectDoesNotExist
from django.db import InterfaceError, OperationalError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.connection import ConnectionProxy

from pagecache import clock

# A cache of its own (settings.CACHES): culling pages never touches the login counters.
CACHE_ALIAS = "pages"
cache = ConnectionProxy(caches, CACHE_ALIAS)
VERSION_KEY = "version"
TAG_PREFIX = "tag:"

# What reading the shared cache raises when its server is away (PostgreSQL by default, or Redis).
try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # pragma: no cover - redis is in requirements/base.txt
    RedisConnectionError = RedisTimeoutError = OperationalError
CACHE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)

# Models whose changes touch only some pages: model -> function(instance) -> list of tags.
_narrow_changes = {}


def _new(**extra):
    return {"v": uuid.uuid4().hex, "at": timezone.now().timestamp(), **extra}


def bump():
    """Start a new site-wide content version: every stored page is rendered again."""
    until = clock.next_change()
    state = _new(until=until.timestamp() if until else None)
    cache.set(VERSION_KEY, state, None)
    return state


def is_current(state):
    """Whether a site-wide version read from the cache may still be used (it exists, its moment has not come)."""
    return state is not None and (state["until"] is None or timezone.now().timestamp() < state["until"])


def touch(*tags):
    """Renew these tags: the pages of views that show them are rendered again."""
    if tags:
        cache.set_many({tag_key(tag): _new() for tag in tags}, None)


def tag_key(tag):
    """A bounded key, whatever the tag (a slug from the address may be long)."""
    return TAG_PREFIX + hashlib.sha256(tag.encode("utf-8", "surrogateescape")).hexdigest()


def tag_version(key, found):
    """The version of a tag key from what was read; a missing one (never renewed, culled) is started anew."""
    value = found.get(key)
    if value is None:
        cache.add(key, _new(), None)  # never reuse an old version: start one, or take a rival's
        value = cache.get(key)
    return value


def shows(tags_of):
    """Mark a view whose page shows what ``tags_of(**url_kwargs)`` names (its renewals renew the page)."""
    return _marked(page_tags=tags_of)


def reads(*params):
    """Mark a view that reads these query parameters: the page cache drops any other before it looks up."""
    return _marked(query_params=frozenset(params))


def _marked(**marks):
    def decorate(view):
        @functools.wraps(view)
        def marked(*args, **kwargs):
            return view(*args, **kwargs)

        marked.__dict__.update(marks)
        return marked

    return decorate


def changes_touch(model, tags_of):
    """Changes to ``model`` renew only the tags ``tags_of(instance)`` names, not the whole site.

    ``tags_of`` may return an empty list, or raise ObjectDoesNotExist, when it cannot tell:
    the whole site is renewed then.
    """
    _narrow_changes[model] = tags_of


def renew_on_commit(sender=None, instance=None, **kwargs):
    tags = []
    tags_of = _narrow_changes.get(sender)
    if tags_of is not None and instance is not None and kwargs.get("action") is None:
        try:
            tags = list(tags_of(instance))
        except ObjectDoesNotExist:
            tags = []
    transaction.on_commit((lambda: touch(*tags)) if tags else bump)


def connect_signals():
    for label in settings.PAGECACHE_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"pagecache:{model._meta.label}"
            post_save.connect(renew_on_commit, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(renew_on_commit, sender=model, dispatch_uid=uid + ":delete")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(renew_on_commit, sender=through, dispatch_uid=f"{uid}:{field.name}")
