"""Every answer of the portal carries the security headers."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.urlmap import site_urls


def assert_secure_headers(response, where):
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy, where
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, where
    assert "frame-ancestors 'none'" in policy, where
    assert "camera=()" in response["Permissions-Policy"], where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["X-Frame-Options"] == "DENY", where


@pytest.mark.sweep
def test_every_page_has_the_headers_for_visitors_and_staff(client, db, alice):
    for url, name in site_urls():
        assert_secure_headers(client.get(url), f"{url} ({name})")
    client.force_login(alice)
    for url, name in site_urls():
        assert_secure_headers(client.get(url), f"{url} as staff ({name})")


def test_error_answers_have_the_headers_too(client, db):
    assert_secure_headers(client.get("/nie-ma-takiej-strony/"), "404")
    assert_secure_headers(client.put("/aktualnosci/"), "405")
    # Refused before the inner middleware runs: CSP's frame-ancestors still forbids framing.
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_check_deploy_is_clean_with_production_settings():
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@/{db['NAME']}?host={db['HOST'] or db['OPTIONS'].get('host', '')}"
    env = {
        **os.environ,
        "PRODUCTION": "1",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "partnerstwo.example.gov.pl",
        "DATABASE_URL": url,
        "EMAIL_HOST": "smtp.example.gov.pl",
        "EMAIL_HOST_USER": "portal",
        "EMAIL_HOST_PASSWORD": secrets.token_urlsafe(12),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr
