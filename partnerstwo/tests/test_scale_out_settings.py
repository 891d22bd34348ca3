"""Several servers by configuration alone: media on S3, a Redis cache."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = """
import json
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
storage = storages["default"]
print(json.dumps({
    "storage": type(storage).__module__ + "." + type(storage).__name__,
    "url": storage.url("editor/a.jpg"),
    "cache": type(caches["default"]).__name__,
    "img_src": settings.SECURE_CSP["img-src"],
    "serve_media": settings.SERVE_MEDIA,
}))
"""


def probe(**env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PROBE],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_goes_to_an_s3_bucket_and_the_cache_to_redis_when_configured():
    found = probe(
        S3_BUCKET="partnerstwo-media",
        S3_ENDPOINT_URL="https://s3.example.net",
        S3_REGION="waw",
        S3_ACCESS_KEY_ID="klucz",
        S3_SECRET_ACCESS_KEY="sekret",
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    assert found["storage"] == "core.storage.MediaStorage"
    assert found["url"].startswith("https://")
    assert "editor/a.jpg" in found["url"]
    assert "https://s3.example.net" in found["img_src"]
    assert found["serve_media"] is False
    assert found["cache"] == "RedisCache"


def test_one_server_keeps_files_on_disk_and_the_cache_in_the_database():
    found = probe()
    assert found["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["img_src"] == ["'self'", "data:"]
    assert found["cache"] == "DatabaseCache"
