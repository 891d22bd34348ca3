from django.db import connection
from django.utils import timezone

from stats.models import DailyViews
from stats.tests.conftest import BROWSER

ADDRESS = "203.0.113.77"


def test_a_counted_view_sets_no_cookie_of_its_own(reader, client, make_page, views_of):
    page = make_page()
    first, second = reader.get(page.get_absolute_url()), reader.get(page.get_absolute_url())
    assert views_of(page) == 2
    # Only the CSRF token of the footer's newsletter form, which an uncounted robot gets as well.
    assert set(first.cookies) == {"csrftoken"}
    assert set(second.cookies) <= {"csrftoken"}
    client.cookies.clear()
    robot = client.get(page.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    assert set(robot.cookies) == set(first.cookies)


def test_nothing_about_the_reader_is_stored(reader, make_page):
    page = make_page()
    reader.get(page.get_absolute_url(), REMOTE_ADDR=ADDRESS)
    # The day's rows hold the item, the day and the number: nothing else exists to hold.
    assert {f.name for f in DailyViews._meta.get_fields()} == {
        "id",
        "content_type",
        "object_id",
        "content_object",
        "day",
        "count",
    }
    assert [(row.content_object, row.day, row.count) for row in DailyViews.objects.all()] == [
        (page, timezone.localdate(), 1)
    ]
    # And no table holds the reader's address or browser (the cache tables' values are encoded:
    # there only their keys are read).
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            name = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*) FROM {name} AS t WHERE t::text LIKE ANY(%s)",  # noqa: S608 - names from the catalogue
                [[f"%{ADDRESS}%", f"%{BROWSER}%", "%Firefox%"]],
            )
            if cursor.fetchone()[0]:
                found.append(table)
    assert found == []
