"""A small fixed-window rate limit, counted in the database (limits.Counter).

Windows are aligned to multiples of their length (an hour's window starts on
the hour, a day's at midnight UTC). One statement both creates and increments
a window's row and returns the new count, so concurrent requests in any
worker on any server never both see the same count, and a window lasts
exactly as long as it says: nothing expires it early. Expired windows are
deleted whenever a key opens a new window.

Why the database and not the cache: it is the one store every setup has
(the default one and several servers behind a load balancer alike), it
evicts nothing, and its upsert is atomic; the cache backends differ in all
three (the database cache culls and re-saves with the default timeout, a
per-process cache is not shared).
"""

import hashlib
import time

from django.db import connection

from core import clientip
from limits.models import Counter

_TABLE = Counter._meta.db_table
_COUNT = (
    f"INSERT INTO {_TABLE} (key, window_start, expires_at, count) VALUES (%s, %s, %s, 1) "
    f"ON CONFLICT (key, window_start) DO UPDATE SET count = {_TABLE}.count + 1 RETURNING count"
)
_PRUNE = f"DELETE FROM {_TABLE} WHERE expires_at <= %s"


def client_ip(request):
    """The address of the visitor, also behind trusted proxies (core/clientip.py)."""
    return clientip.client_ip(request) or "unknown"


def is_limited(scope, key, *, limit, window):
    """Count one attempt for (scope, key); True once more than ``limit`` fall in ``window`` seconds."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    counter_key = f"{scope[:60]}:{digest}"
    window = max(1, int(window))
    now = int(time.time())
    start = now - now % window
    with connection.cursor() as cursor:
        cursor.execute(_COUNT, [counter_key, start, start + window])
        count = cursor.fetchone()[0]
        if count == 1:  # a new window: a good moment to forget the old ones
            cursor.execute(_PRUNE, [now])
    return count > limit
