"""gunicorn settings, read automatically when gunicorn starts in this folder.

    gunicorn partnerstwo.wsgi            # production, behind a reverse proxy
    bin/serve                            # make run: the same file

Environment: WEB_CONCURRENCY (workers, default 2 per CPU + 1, at most 8),
GUNICORN_BIND (default 127.0.0.1:8000; bin/serve passes --bind from HOST and PORT).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 8))

# A request that takes longer than this is stuck: the worker is killed and
# replaced. Pages answer in milliseconds; uploads come through the proxy's buffer.
timeout = 30
# On restart or shutdown, requests in flight get this long to finish.
graceful_timeout = 20
# Behind a reverse proxy that keeps connections open to us.
keepalive = 5
# Longest request line; Django refuses longer addresses with the same 414
# (partnerstwo/middleware.py RequestLimitsMiddleware).
limit_request_line = 8190

# Recycle each worker after about a thousand requests, so a slow leak never
# grows; the jitter keeps workers from restarting all at once.
max_requests = 1000
max_requests_jitter = 100

# Heartbeat files in memory: a slow disk must not get workers killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
