"""TRUSTED_PROXIES from the environment: a list of addresses and networks, refused when wrong."""

import os
import subprocess
import sys

from django.conf import settings


def run_with(value):
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.TRUSTED_PROXIES)",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "TRUSTED_PROXIES": value},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_addresses_and_networks_are_read_from_the_environment():
    result = run_with("127.0.0.1, 10.0.1.0/24,2001:db8::/64")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['127.0.0.1', '10.0.1.0/24', '2001:db8::/64']"


def test_a_wrong_entry_stops_the_portal_at_start_with_a_clear_message():
    result = run_with("127.0.0.1,nginx.internal")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'nginx.internal' is not an address or network" in result.stderr
