"""The production layout for real: readers and staff go through nginx (the shipped site) to two
gunicorn instances with their own DATA_DIRs, sharing PostgreSQL, Redis and an S3 server."""

import datetime
import html
import re
import subprocess
import sys
import threading
import urllib.parse

import pytest
from django.conf import settings

from conftest import image_bytes, pdf_bytes
from deploy.stack import BUCKET
from deploy.tests.client import Visitor, direct, sign_in, through_nginx
from meetings.models import Meeting
from meetings.tests.admin_forms import meeting_form
from pages.middleware import RequestLimitsMiddleware

pytestmark = pytest.mark.system


def test_an_edit_through_one_instance_shows_on_the_next_request_through_the_other(stack, staff):
    meeting = Meeting.objects.create(title="Spotkanie w Pomiechówku", date=datetime.date(2026, 12, 15))
    page = meeting.get_absolute_url()
    reader = direct(stack.instances[1], stack)
    assert reader.get(page).status == 200
    second = reader.get(page)
    assert second.headers["X-Page-Cache"] == "hit"
    assert "Spotkanie w Pomiechówku" in second.text

    editor = direct(stack.instances[0], stack)
    sign_in(editor, stack)
    response = editor.post(
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        meeting_form(title="Spotkanie w Nasielsku", slug=meeting.slug, date="2026-12-15"),
        referer=f"{stack.url}/admin/meetings/meeting/{meeting.pk}/change/",
    )
    assert response.status == 302, response.text[:2000]

    after = reader.get(page)
    assert after.headers["X-Page-Cache"] == "miss"
    assert "Spotkanie w Nasielsku" in after.text
    assert "Spotkanie w Pomiechówku" not in after.text


def test_a_photo_uploaded_through_one_instance_is_shown_through_the_other(stack, staff):
    editor = direct(stack.instances[0], stack)
    sign_in(editor, stack)
    response = editor.post(
        "/admin/meetings/meeting/add/",
        meeting_form(title="Spotkanie z fotografiami", date="2026-12-16", new_photos_alt="Uczestnicy przy stole"),
        files={"new_photos": ("stol.jpg", image_bytes(size=(1200, 800)), "image/jpeg")},
        referer=f"{stack.url}/admin/meetings/meeting/add/",
    )
    assert response.status == 302, response.text[:2000]
    meeting = Meeting.objects.get(title="Spotkanie z fotografiami")
    reader = direct(stack.instances[1], stack)
    assert 'alt="Uczestnicy przy stole"' not in reader.get(meeting.get_absolute_url()).text  # copies not made yet

    # The background worker makes the copies, as bin/worker.d/tasks does beside each instance.
    worker = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--worker-id", "stack-test"]
    env = stack.app_env(stack.instances[1].data_dir)
    subprocess.run(worker, env=env, cwd=settings.BASE_DIR, check=True, timeout=120, capture_output=True)

    page = reader.get(meeting.get_absolute_url())
    assert page.status == 200
    thumbnail = html.unescape(re.search(r'<img src="([^"]+)" alt="Uczestnicy przy stole"', page.text).group(1))
    assert thumbnail.startswith(f"{stack.s3_url}/{BUCKET}/media/spotkania/{meeting.pk}/zdjecia/male/")
    image = Visitor(stack.s3_url).get(urllib.parse.urlsplit(thumbnail).path)
    assert image.status == 200
    assert image.body[:3] == b"\xff\xd8\xff"  # a JPEG, made by the worker, read from the bucket
    # Neither instance keeps uploads on its own disk.
    for instance in stack.instances:
        assert not (instance.data_dir / "media").exists()


def test_a_document_in_the_bucket_is_a_download_not_a_page(stack, staff):
    editor = direct(stack.instances[0], stack)
    sign_in(editor, stack)
    response = editor.post(
        "/admin/meetings/meeting/add/",
        meeting_form(
            inlines={"documents": [{"title": "Lista obecności", "position": "0"}]},
            title="Spotkanie z dokumentem",
            date="2026-12-17",
        ),
        files={"documents-0-file": ("lista.pdf", pdf_bytes(), "application/pdf")},
        referer=f"{stack.url}/admin/meetings/meeting/add/",
    )
    assert response.status == 302, response.text[:2000]
    meeting = Meeting.objects.get(title="Spotkanie z dokumentem")
    page = direct(stack.instances[1], stack).get(meeting.get_absolute_url())
    link = html.unescape(re.search(r'<a href="([^"]+\.pdf)"', page.text).group(1))
    assert link.startswith(f"{stack.s3_url}/{BUCKET}/media/")
    document = Visitor(stack.s3_url).get(urllib.parse.urlsplit(link).path)
    assert document.status == 200
    assert document.getheader("Content-Disposition", "").startswith("attachment")
    assert document.getheader("Content-Type") == "application/pdf"


def form_post(visitor, stack, **headers):
    # The cookie notice's old address: a cheap post that only redirects.
    return visitor.post("/ciasteczka/", {"next": "/"}, referer=stack.url + "/", **headers).status


def test_two_visitors_behind_nginx_have_limits_of_their_own_and_a_spoofed_header_changes_nothing(stack):
    first, second = through_nginx(stack, "127.0.0.2"), through_nginx(stack, "127.0.0.3")
    for visitor in (first, second):
        visitor.csrf_token("/")
    # Every address may post RequestLimitsMiddleware.POST_LIMIT times in 10 minutes, counted in Redis
    # by both instances.
    limit = RequestLimitsMiddleware.POST_LIMIT
    assert [form_post(first, stack) for _ in range(limit)] == [302] * limit
    assert form_post(first, stack) == 429
    assert form_post(second, stack) == 302
    # From outside, X-Forwarded-For neither frees the first visitor nor blames the second.
    assert form_post(first, stack, **{"X-Forwarded-For": "203.0.113.9"}) == 429
    assert form_post(first, stack, **{"X-Forwarded-For": "127.0.0.3, 127.0.0.1"}) == 429
    assert form_post(second, stack, **{"X-Forwarded-For": "127.0.0.2"}) == 302


def test_nginx_routes_around_a_stopped_instance_and_no_request_fails(stack):
    reader = through_nginx(stack, "127.0.0.4")
    stopping = stack.instances[1]
    served_before = stopping.requests_served()
    statuses = [reader.get("/health/").status for _ in range(10)]
    assert stopping.requests_served() > served_before  # both instances were serving

    stopper = threading.Thread(target=stack.stop_instance, args=[stopping])
    stopper.start()
    try:
        while True:  # reads go on for as long as the instance takes to stop (SIGTERM, then at most 30 s)
            statuses.append(reader.get("/").status)
            if not stopper.is_alive():
                break
        stopper.join()
        assert not stopping.service.running
        statuses += [reader.get("/").status for _ in range(20)]
    finally:
        stopper.join()
        stack.start_instance(stopping)
    assert set(statuses) == {200}, statuses
