"""The benchmark app (bench/) is a development tool: installed only when BENCH_APP=1 asks for it."""

import os
import subprocess
import sys

from django.conf import settings

BENCH_COMMANDS = {"bench_fill", "bench_newsletter", "bench_search"}


def commands(**env):
    result = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_site_runs_without_the_benchmark_app():
    assert "bench" not in settings.INSTALLED_APPS
    assert not BENCH_COMMANDS & commands(BENCH_APP="0")


def test_bench_app_installs_the_benchmark_commands():
    assert BENCH_COMMANDS <= commands(BENCH_APP="1")
