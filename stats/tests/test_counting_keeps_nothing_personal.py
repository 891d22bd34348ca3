from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from stats import counter
from stats.models import DailyViews
from stats.tests.conftest import BROWSER


def test_a_counted_view_sets_no_cookie_of_its_own(reader, client, make_page, counter_of):
    page = make_page()
    first, second = reader.get(page.get_absolute_url()), reader.get(page.get_absolute_url())
    assert counter_of(page) == 2
    # Only the CSRF token of the footer's newsletter form, which an uncounted robot gets as well.
    assert set(first.cookies) == {"csrftoken"}
    assert set(second.cookies) <= {"csrftoken"}
    client.cookies.clear()
    robot = client.get(page.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    assert set(robot.cookies) == set(first.cookies)


def test_nothing_about_the_reader_is_stored(reader, make_page, views_cache):
    page = make_page()
    reader.get(page.get_absolute_url(), REMOTE_ADDR="203.0.113.77")
    counter.fold()
    # The day's rows hold the item, the day and the number: nothing else exists to hold.
    assert {f.name for f in DailyViews._meta.get_fields()} == {
        "id",
        "content_type",
        "object_id",
        "content_object",
        "day",
        "count",
    }
    # And the counters' keys name the item and the day only (the database cache's table).
    table = caches["views"]._table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608 - the configured table name
        stored = cursor.fetchall()
    prefix = caches["views"].key_prefix
    keys = [key for key, _ in stored if key.startswith(prefix)]
    assert keys == [f"{prefix}:1:views:pages.page:{page.pk}:{timezone.localdate().isoformat()}"]
    everything = " ".join(key + value for key, value in stored)
    assert "203.0.113.77" not in everything
    assert BROWSER not in everything and "Firefox" not in everything
