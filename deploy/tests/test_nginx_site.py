"""What the shipped nginx site does by itself: HTTPS only, static files, uploaded files that
never run in the portal's origin."""

import json

import pytest

from deploy.tests.client import Visitor, through_nginx

# django_db: so that the test database exists; the stack reads it.
pytestmark = [pytest.mark.system, pytest.mark.django_db]


def test_plain_http_redirects_to_https_but_answers_the_health_check(site_stack):
    visitor = Visitor(site_stack.http_url)
    response = visitor.get("/aktualnosci/?strona=2")
    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1/aktualnosci/?strona=2"
    health = visitor.get("/health/")
    assert health.status == 200
    assert json.loads(health.body) == {"database": "ok"}


def test_static_files_come_from_static_root_with_hashed_names_cached_for_good(site_stack):
    manifest = json.loads((site_stack.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    response = through_nginx(site_stack).get(f"/static/{hashed}")
    assert response.status == 200
    assert response.body == (site_stack.static_root / hashed).read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name, content",
    [
        ("protokol.pdf", b"%PDF-1.7\n<script>alert(1)</script>"),
        ("strona.html", b"<!doctype html><script>alert(1)</script>"),
        ("rysunek.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("bez-rozszerzenia", b"<script>alert(1)</script>"),
    ],
)
def test_uploaded_documents_are_downloads_that_cannot_run_script(site_stack, name, content):
    (site_stack.media_root / "dokumenty").mkdir(exist_ok=True)
    (site_stack.media_root / "dokumenty" / name).write_bytes(content)
    response = through_nginx(site_stack).get(f"/media/dokumenty/{name}")
    assert response.status == 200
    assert response.headers["Content-Disposition"] == "attachment"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_uploaded_photos_are_shown_inline_with_nosniff(site_stack):
    (site_stack.media_root / "zdjecie.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    response = through_nginx(site_stack).get("/media/zdjecie.jpg")
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/jpeg"
    assert "Content-Disposition" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_pages_know_the_visitor_came_over_https(site_stack):
    response = through_nginx(site_stack).get("/")
    assert response.status == 200
    assert "max-age=" in response.headers["Strict-Transport-Security"]  # Django saw X-Forwarded-Proto


def test_every_server_of_the_stack_listens_on_127_0_0_1_only(site_stack):
    listening = site_stack.listening_addresses()
    ports = {port for _, port in listening}
    expected = {site_stack.http_port, site_stack.https_port, site_stack.redis_port, site_stack.s3_port}
    assert expected | {instance.port for instance in site_stack.instances} <= ports
    assert {address for address, _ in listening} == {"127.0.0.1"}
