import os
import subprocess
import sys

import pytest


def _required(**env):
    code = "from django.conf import settings; print(settings.MFA_REQUIRED_FOR_STAFF)"
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "MFA_REQUIRED_FOR_STAFF")}
    environ.update(DJANGO_SETTINGS_MODULE="partnerstwo.settings", DATABASE_URL="postgres://u@localhost/x", **env)
    out = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "True"),
        ({"DEBUG": "1"}, "False"),
        ({"DEBUG": "1", "MFA_REQUIRED_FOR_STAFF": "1"}, "True"),
        ({"MFA_REQUIRED_FOR_STAFF": "0"}, "False"),
    ],
)
def test_two_factor_for_staff_is_required_unless_debug_or_turned_off(env, expected):
    assert _required(**env) == expected
