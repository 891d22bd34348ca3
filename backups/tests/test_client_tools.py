"""Backups run the PostgreSQL client tools that match the server: the ones on PATH in production,
the embedded server's own in development."""

import pytest

from backups.backup import BackupError, pg_tool
from partnerstwo import db


@pytest.fixture
def tools_on_path(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in ("pg_dump", "pg_restore"):
        (folder / name).write_text("#!/bin/sh\n")
        (folder / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.mark.parametrize("name", ["pg_dump", "pg_restore"])
def test_a_production_server_is_backed_up_with_the_tools_on_path(tools_on_path, name):
    assert pg_tool(name, {"host": "db.powiat.invalid", "dbname": "partnerstwo"}) == str(tools_on_path / name)


def test_a_server_on_another_socket_is_backed_up_with_the_tools_on_path(tools_on_path, tmp_path):
    assert pg_tool("pg_dump", {"host": str(tmp_path / "socket")}) == str(tools_on_path / "pg_dump")


def test_missing_client_tools_are_named_with_the_package_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="pg_dump not found: install the PostgreSQL client tools"):
        pg_tool("pg_dump", {"host": "db.powiat.invalid"})


@pytest.mark.parametrize("name", ["pg_dump", "pg_restore"])
def test_the_embedded_server_is_backed_up_with_its_own_tools(tools_on_path, name):
    tool = pg_tool(name, {"host": str(db.PGDATA)})
    assert tool == db.client_tool(name)
    assert tool.endswith(f"/pginstall/bin/{name}")
