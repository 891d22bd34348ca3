import datetime

import time_machine
from django.core.management import call_command

from stats import counter
from stats.models import DailyViews

MORNING = datetime.datetime(2026, 6, 10, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Warsaw
EARLIER = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def rows():
    return sorted((row.object_id, row.day.isoformat(), row.count) for row in DailyViews.objects.all())


def test_fold_moves_the_counters_and_empties_them(reader, make_post, counter_of):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False):
        reader.get(post.get_absolute_url())
        reader.get(post.get_absolute_url())
        assert counter.fold() == 2
        assert counter_of(post) == 0
    assert rows() == [(post.pk, "2026-06-10", 2)]


def test_folding_twice_counts_nothing_twice(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False):
        reader.get(post.get_absolute_url())
        counter.fold()
        assert counter.fold() == 0
    assert rows() == [(post.pk, "2026-06-10", 1)]


def test_views_after_a_fold_are_added_to_the_days_row(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False) as clock:
        reader.get(post.get_absolute_url())
        counter.fold()
        clock.shift(datetime.timedelta(hours=1))
        reader.get(post.get_absolute_url())
        reader.get(post.get_absolute_url())
        counter.fold()
    assert rows() == [(post.pk, "2026-06-10", 3)]


def test_each_day_has_its_row_and_a_late_fold_keeps_the_day_of_the_view(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False) as clock:
        reader.get(post.get_absolute_url())
        clock.shift(datetime.timedelta(days=1))  # the worker was stopped: folded a day late
        reader.get(post.get_absolute_url())
        reader.get(post.get_absolute_url())
        counter.fold()
    assert rows() == [(post.pk, "2026-06-10", 1), (post.pk, "2026-06-11", 2)]


def test_the_days_are_days_in_warsaw(reader, make_post):
    post = make_post(published_at=EARLIER)
    with time_machine.travel(datetime.datetime(2026, 6, 10, 22, 30, tzinfo=datetime.UTC), tick=False):
        reader.get(post.get_absolute_url())  # 00:30 on 11 June in Warsaw
        counter.fold()
    assert rows() == [(post.pk, "2026-06-11", 1)]


def test_the_hourly_duties_fold_the_counters(reader, make_post, capsys):
    post = make_post(published_at=EARLIER)
    reader.get(post.get_absolute_url())
    call_command("daily", "--every", "0")
    assert "View counts: moved 1 view(s)" in capsys.readouterr().out
    assert DailyViews.objects.get(object_id=post.pk).count == 1


def test_the_counts_of_an_item_deleted_for_good_go_with_it(reader, make_post):
    kept, deleted = make_post(published_at=EARLIER), make_post(published_at=EARLIER)
    with time_machine.travel(MORNING, tick=False):
        reader.get(kept.get_absolute_url())
        reader.get(deleted.get_absolute_url())
        counter.fold()
        type(deleted)._base_manager.filter(pk=deleted.pk).delete()
        counter.fold()
    assert rows() == [(kept.pk, "2026-06-10", 1)]
