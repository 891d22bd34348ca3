"""The home page's blocks are kept per process (pagecache.fragments) and renewed by any change."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import without_per_response_values
from meetings.models import Meeting


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_kept_blocks_load_nothing(bob, make_post, settings, page_cache):
    make_post(title="Dożynki w Nasielsku")
    reader = Client()
    reader.force_login(bob)  # past the page cache: fragments only
    reader.get("/")
    kept = _queries(reader, "/")
    settings.PAGECACHE_FRAGMENTS = False
    assert kept < _queries(reader, "/")  # the news, meetings and partners blocks' queries


def test_a_signed_in_reader_sees_a_new_post_on_the_home_page_at_once(
    bob, make_post, page_cache, django_capture_on_commit_callbacks
):
    make_post(title="Dożynki w Nasielsku")
    reader = Client()
    reader.force_login(bob)  # past the page cache: fragments only
    assert "Dożynki w Nasielsku" in reader.get("/").text
    assert "Dożynki w Nasielsku" in reader.get("/").text  # kept
    with django_capture_on_commit_callbacks(execute=True):
        make_post(title="Targi pracy w Pomiechówku")
    assert "Targi pracy w Pomiechówku" in reader.get("/").text


def test_a_kept_home_page_is_the_same_as_a_rendered_one(bob, make_post, settings, page_cache):
    make_post(title="Dożynki w Nasielsku")
    Meeting.objects.create(
        title="Spotkanie w Leoncinie", slug="spotkanie-leoncin", date=timezone.localdate() + datetime.timedelta(days=5)
    )
    reader = Client()
    reader.force_login(bob)
    kept_twice = [without_per_response_values(reader.get("/").text) for _ in range(2)]
    settings.PAGECACHE_FRAGMENTS = False
    rendered = without_per_response_values(reader.get("/").text)
    assert kept_twice[0] == kept_twice[1] == rendered
