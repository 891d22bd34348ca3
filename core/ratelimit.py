"""A small fixed-window rate limit on top of Django's cache.

The default cache is shared by every gunicorn worker (see CACHE_URL), so a
limit holds across processes.
"""

import hashlib

from django.core.cache import cache

from core import clientip


def client_ip(request):
    """The address of the visitor, also behind trusted proxies (core/clientip.py)."""
    return clientip.client_ip(request) or "unknown"


def is_limited(scope, key, *, limit, window):
    """Count one attempt for (scope, key); True once more than ``limit`` fall in ``window`` seconds."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            cache.set(cache_key, 1, timeout=window)
            count = 1
    return count > limit
