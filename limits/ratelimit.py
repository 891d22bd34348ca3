"""A small sliding-window rate limit, counted in the database (limits.Counter).

What it promises: in any span of ``window`` seconds at most ``limit`` attempts of one key
are let through, wherever the span starts. (Fixed windows aligned to the clock let twice the
limit through around a boundary: a full window's worth just before it, another just after.)

How: the window is cut into ``SLICES`` slices, each a row counted in place. An attempt is
counted in its slice (one atomic upsert), then the other slices are added from one whole
window before the start of its own, and it is let through when the sum is at most the limit.
Every attempt let through earlier in any span of ``window`` seconds ending with this one was
counted before it, in a slice this sum reads, so the promise holds whatever the interleaving;
the price is that an attempt leaves the sum up to one slice later than it leaves the window.
A refused attempt is taken back out of its slice, so a visitor who keeps trying is let in
again as soon as the attempts that were let through leave the window.

One statement both creates and increments a slice's row and returns the new count, so
concurrent requests in any worker on any server never both see the same count. Expired rows
are deleted whenever a key opens a new slice.

Why the database and not the cache: it is the one store every setup has
(the default one and several servers behind a load balancer alike), it
evicts nothing, and its upsert is atomic; the cache backends differ in all
three (the database cache culls and re-saves with the default timeout, a
per-process cache is not shared).
"""

import hashlib
import math
import time

from django.db import connection

from core import clientip
from limits.models import Counter

SLICES = 10

_TABLE = Counter._meta.db_table
_COUNT = (
    f"INSERT INTO {_TABLE} (key, window_start, expires_at, count) VALUES (%s, %s, %s, 1) "
    f"ON CONFLICT (key, window_start) DO UPDATE SET count = {_TABLE}.count + 1 RETURNING count"
)
# The other slices from one window before this one on; a later slice has rows only when a request
# that read the clock just before a slice began counts after one that read it just after.
_OTHERS = f"SELECT COALESCE(SUM(count), 0) FROM {_TABLE} WHERE key = %s AND window_start >= %s AND window_start <> %s"
_TAKE_BACK = f"UPDATE {_TABLE} SET count = count - 1 WHERE key = %s AND window_start = %s AND count > 0"
_PRUNE = f"DELETE FROM {_TABLE} WHERE expires_at <= %s"


def client_ip(request):
    """The address of the visitor, also behind trusted proxies (core/clientip.py)."""
    return clientip.client_ip(request) or "unknown"


def is_limited(scope, key, *, limit, window):
    """One attempt for (scope, key): True when letting it through would put more than ``limit``
    attempts in some span of ``window`` seconds; then it is not counted."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    counter_key = f"{scope[:60]}:{digest}"
    window = max(1, int(window))
    size = math.ceil(window / SLICES)
    now = int(time.time())
    start = now - now % size
    # The slices that may hold an attempt less than one window before this one; a slice is
    # read until the slice this many after it ends, and deleted after that.
    reach = size * math.ceil(window / size)
    earliest = start - reach
    with connection.cursor() as cursor:
        cursor.execute(_COUNT, [counter_key, start, start + reach + size])
        own = cursor.fetchone()[0]
        if own == 1:  # a new slice: a good moment to forget the old ones
            cursor.execute(_PRUNE, [now])
        cursor.execute(_OTHERS, [counter_key, earliest, start])
        count = own + cursor.fetchone()[0]
        if count > limit:
            cursor.execute(_TAKE_BACK, [counter_key, start])
    return count > limit
