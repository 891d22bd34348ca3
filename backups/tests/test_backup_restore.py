"""Staff back up the portal and restore it into an empty database."""

import tarfile

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg.conninfo import make_conninfo

from backups.backup import connection_params
from news.models import Post
from pages.models import Page


def database_url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}@/{name}?host={db['HOST'] or db['OPTIONS'].get('host', '')}"


@pytest.fixture
def scratch_database(transactional_db):
    """An empty database next to the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = make_conninfo(**{**connection_params(), "dbname": "postgres"})
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows(url, sql):
    with psycopg.connect(make_conninfo(**connection_params(url))) as conn:
        return conn.execute(sql).fetchall()


def test_backup_and_restore_round_trip(scratch_database, make_post, tmp_path, settings, capsys):
    make_post(title="Zebranie partnerów", body="<p>Protokół z zebrania</p>")
    make_post(title="Targi pracy")
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", body="<p>Dane</p>")
    default_storage.save("editor/zdjecie.jpg", ContentFile(b"\xff\xd8 obraz"))

    call_command("backup", directory=str(tmp_path / "backups"))
    [archive] = (tmp_path / "backups").glob("partnerstwo-*.tar.gz")
    assert archive.name[len("partnerstwo-") : -len(".tar.gz")].replace("-", "").isdigit()
    with tarfile.open(archive) as tar:
        assert {"database.dump", "media/editor/zdjecie.jpg"} <= set(tar.getnames())

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("restore", str(archive), database_url=scratch_database)

    here = database_url(connection.settings_dict["NAME"])
    for sql in [
        "SELECT title, slug, body, status FROM news_post ORDER BY id",
        "SELECT title, slug, body FROM pages_page ORDER BY id",
        "SELECT name, slug FROM news_category ORDER BY id",
    ]:
        assert rows(scratch_database, sql) == rows(here, sql)
    assert len(rows(scratch_database, "SELECT id FROM news_post")) == Post.objects.count() == 2
    assert (tmp_path / "restored-media/editor/zdjecie.jpg").read_bytes() == b"\xff\xd8 obraz"
    assert "Restored the database and 1 uploaded files" in capsys.readouterr().out


def test_restore_refuses_a_database_with_tables_unless_forced(scratch_database, make_post, tmp_path):
    make_post(title="Zebranie partnerów")
    call_command("backup", directory=str(tmp_path))
    [archive] = tmp_path.glob("partnerstwo-*.tar.gz")
    call_command("restore", str(archive), database_url=scratch_database)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), database_url=scratch_database)
    call_command("restore", str(archive), database_url=scratch_database, force=True)
    assert rows(scratch_database, "SELECT title FROM news_post") == [("Zebranie partnerów",)]


def test_restore_refuses_a_file_that_is_not_a_backup(scratch_database, tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(__file__, arcname="../../etc/evil.py")
    with pytest.raises(CommandError, match="not a portal backup"):
        call_command("restore", str(bogus), database_url=scratch_database)
