"""gunicorn recycles its workers with sane timeouts; a crashed background
worker started by bin/serve is started again."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

SUPERVISE = str(settings.BASE_DIR / "bin" / "supervise")


def test_gunicorn_config_sets_timeouts_recycling_and_workers_from_the_environment():
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run(
        [gunicorn, "--print-config", "partnerstwo.wsgi"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "WEB_CONCURRENCY": "5"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    config = dict([part.strip() for part in line.split("=", 1)] for line in result.stdout.splitlines() if "=" in line)
    assert config["workers"] == "5"
    assert config["timeout"] == "30"
    assert config["graceful_timeout"] == "20"
    assert int(config["max_requests"]) > 0 and int(config["max_requests_jitter"]) > 0


@pytest.mark.system
def test_a_crashing_worker_is_started_again_with_pauses_growing_up_to_a_minute(tmp_path):
    # A `sleep` that only writes down how long it was asked to wait: the pauses are read, not waited for.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "sleep").write_text(f'#!/bin/sh\necho "$1" >> {tmp_path}/pauses\n')
    (fake_bin / "sleep").chmod(0o755)
    runs = tmp_path / "runs"
    # A worker that fails at once; its eighth start stops the supervisor, as systemd would.
    worker = f"echo run >> {runs}; [ $(wc -l < {runs}) -lt 8 ] || kill -TERM $PPID; exit 3"
    supervisor = subprocess.Popen(
        [SUPERVISE, "bash", "-c", worker],
        env={**os.environ, "PATH": f"{fake_bin}:{os.environ['PATH']}"},
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr = supervisor.communicate(timeout=60)[1]
    assert supervisor.returncode == 0
    assert len(runs.read_text().split()) == 8
    assert (tmp_path / "pauses").read_text().split() == ["1", "2", "4", "8", "16", "32", "60"]
    assert "supervise: bash exited with status 3, starting it again in 2s" in stderr


@pytest.mark.system
def test_stopping_the_supervisor_stops_the_worker():
    supervisor = subprocess.Popen(
        [SUPERVISE, "bash", "-c", "echo $$; exec sleep 300"], stdout=subprocess.PIPE, text=True
    )
    worker = int(supervisor.stdout.readline())  # the worker runs
    supervisor.terminate()
    assert supervisor.wait(timeout=10) == 0
    supervisor.stdout.close()
    # The supervisor waited for it: gone (or, at worst, dead and not yet reaped).
    assert not Path(f"/proc/{worker}").exists() or "Z" in Path(f"/proc/{worker}/stat").read_text().split()[2]
