"""gunicorn settings, read automatically when gunicorn starts in this folder.

    gunicorn partnerstwo.wsgi            # production, behind a reverse proxy
    bin/serve                            # make run: the same file

Environment: WEB_CONCURRENCY (workers, default 2 per CPU + 1, at most 8),
GUNICORN_BIND (default 127.0.0.1:8000; bin/serve passes --bind from HOST and PORT),
GUNICORN_ACCESS_LOG (a file, or - for standard output; default none), GUNICORN_LOG_LEVEL.
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
# (pages/middleware.py RequestLimitsMiddleware).
limit_request_line = 8190

# Load the application once in the master and fork workers from it: a worker
# that is recycled or replaced after a crash starts in milliseconds instead of
# importing Django again (measured: restarts every second under load pushed
# p99 latency over a second).
preload_app = True

# Recycle each worker after some 20,000 requests, so a slow leak never grows;
# the jitter keeps workers from restarting all at once.
max_requests = 20000
max_requests_jitter = 2000

# Heartbeat files in memory: a slow disk must not get workers killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The reverse proxy logs every request; GUNICORN_ACCESS_LOG=- logs them here too
# (make run does).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")


def when_ready(server):
    # In the master, before any worker is forked: the workers share the Polish
    # dictionary of the search (search/polish.py) instead of loading one each.
    from core import warmup
    from search import polish

    polish.preload()
    # The same for parsed templates and other first-use work (core/warmup.py).
    warmup.prepare()
