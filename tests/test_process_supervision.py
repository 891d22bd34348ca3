"""gunicorn recycles its workers with sane timeouts; a crashed background
worker started by bin/serve is started again."""

import os
import signal
import subprocess
import sys
import time
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
def test_a_crashing_worker_is_started_again_with_growing_pauses(tmp_path):
    log = tmp_path / "runs"
    supervisor = subprocess.Popen(
        [SUPERVISE, "bash", "-c", f"date +%s.%N >> {log}; exit 3"],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3.6)  # runs at 0 s, 1 s, 3 s
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=10) == 0
    runs = [float(t) for t in log.read_text().split()]
    assert len(runs) == 3
    assert runs[2] - runs[1] > runs[1] - runs[0] >= 0.9
    assert "exited with status 3, starting it again in 2s" in supervisor.stderr.read()


@pytest.mark.system
def test_stopping_the_supervisor_stops_the_worker(tmp_path):
    pidfile = tmp_path / "pid"
    supervisor = subprocess.Popen([SUPERVISE, "bash", "-c", f"echo $$ > {pidfile}; exec sleep 300"])
    deadline = time.monotonic() + 5
    while not pidfile.exists() or not pidfile.read_text().strip():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    worker = int(pidfile.read_text())
    supervisor.terminate()
    assert supervisor.wait(timeout=10) == 0
    time.sleep(0.2)
    assert not Path(f"/proc/{worker}").exists() or "Z" in Path(f"/proc/{worker}/stat").read_text().split()[2]
