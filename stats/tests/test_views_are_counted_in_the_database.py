import datetime
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from stats import counter
from stats.models import DailyViews

MORNING = datetime.datetime(2026, 6, 10, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Warsaw
EARLIER = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def rows():
    return sorted((row.object_id, row.day.isoformat(), row.count) for row in DailyViews.objects.all())


def test_each_view_adds_one_to_the_days_row_at_once(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False):
        reader.get(post.get_absolute_url())
        assert rows() == [(post.pk, "2026-06-10", 1)]
        reader.get(post.get_absolute_url())
    assert rows() == [(post.pk, "2026-06-10", 2)]


def test_each_day_has_its_row(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False) as clock:
        reader.get(post.get_absolute_url())
        clock.shift(datetime.timedelta(days=1))
        reader.get(post.get_absolute_url())
        reader.get(post.get_absolute_url())
    assert rows() == [(post.pk, "2026-06-10", 1), (post.pk, "2026-06-11", 2)]


def test_the_days_are_days_in_warsaw(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(datetime.datetime(2026, 6, 10, 22, 30, tzinfo=datetime.UTC), tick=False):
        reader.get(post.get_absolute_url())  # 00:30 on 11 June in Warsaw
    assert rows() == [(post.pk, "2026-06-11", 1)]


def test_every_view_is_one_statement_the_days_first_too(make_post, django_assert_num_queries):
    item = counter.item_of(make_post())
    counter.count_view(item)  # the content type, once per process
    DailyViews.objects.all().delete()
    with django_assert_num_queries(1):  # the day's first view: the row is inserted with 1
        counter.count_view(item)
    with django_assert_num_queries(1):  # the row is there: its count grows by one
        counter.count_view(item)
    assert DailyViews.objects.get().count == 2


@pytest.mark.django_db(transaction=True)
def test_views_at_the_same_instant_are_each_counted(make_post):
    """Threads, each with its own connection, count one new item at once: no view is lost."""
    item = counter.item_of(make_post())
    threads, views_each = 4, 25
    start = threading.Barrier(threads)
    failures = []

    def read():
        try:
            start.wait()  # all at once: the day's first views race to create the row
            for _ in range(views_each):
                counter.count_view(item)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            connection.close()  # this thread's own connection

    workers = [threading.Thread(target=read) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert [row.count for row in DailyViews.objects.all()] == [threads * views_each]


@pytest.mark.django_db(transaction=True)
def test_a_count_the_database_refuses_leaves_the_connection_usable(reader, make_post, caplog):
    """The middleware runs in autocommit: a failed statement leaves no broken transaction behind."""
    full, other = make_post(title="Licznik pełny"), make_post(title="Inny wpis")
    counter.count_view(counter.item_of(full))
    DailyViews.objects.update(count=2**31 - 1)  # the column's largest value: one more is refused
    response = reader.get(full.get_absolute_url())
    assert response.status_code == 200 and "Licznik pełny" in response.text
    assert "A view could not be counted" in caplog.text
    assert connection.get_autocommit() and not connection.in_atomic_block and not connection.needs_rollback
    reader.get(other.get_absolute_url())  # the next view on the same connection is counted
    assert sorted(row.count for row in DailyViews.objects.all()) == [1, 2**31 - 1]


def test_the_hourly_duties_renew_the_pages_that_show_the_count(reader, make_post, django_capture_on_commit_callbacks):
    post = make_post()
    reader.get(post.get_absolute_url())
    assert reader.get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("daily", "--every", "0")
    assert reader.get(post.get_absolute_url())["X-Page-Cache"] == "miss"
    assert DailyViews.objects.get(object_id=post.pk).count == 3


def test_the_counts_of_an_item_deleted_for_good_go_with_it(reader, make_post, alice, capsys):
    kept, trashed, deleted = (make_post(published_at=EARLIER) for _ in range(3))
    with time_machine.travel(MORNING, tick=False):
        for post in (kept, trashed, deleted):
            reader.get(post.get_absolute_url())
        trashed.move_to_trash(alice)  # the trash keeps its items' rows until it is emptied
        type(deleted)._base_manager.filter(pk=deleted.pk).delete()
        call_command("daily", "--every", "0")
        assert "View counts: deleted 1 day(s) of counts of items deleted for good." in capsys.readouterr().out
        assert counter.tidy() == 0
    assert rows() == [(kept.pk, "2026-06-10", 1), (trashed.pk, "2026-06-10", 1)]
