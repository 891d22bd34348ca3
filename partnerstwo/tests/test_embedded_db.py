import json
import os

import pytest
from django.conf import settings

from partnerstwo import db


def test_a_truncated_handle_list_is_reset(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "PGDATA", tmp_path)
    (tmp_path / ".handle_pids.json").write_text("[12, 3")  # a process killed mid-write
    db._repair_handle_list()
    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == []


def test_a_readable_handle_list_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "PGDATA", tmp_path)
    (tmp_path / ".handle_pids.json").write_text("[12, 34]")
    db._repair_handle_list()
    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == [12, 34]


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="an external server is in use")
def test_attaching_leaves_no_exit_hook_behind(monkeypatch):
    monkeypatch.setattr(db, "PGDATA", settings.DATA_DIR / "postgres")
    db.database_url()
    handles = json.loads((db.PGDATA / ".handle_pids.json").read_text())
    assert os.getpid() not in handles
