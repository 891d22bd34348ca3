"""A limit holds for the whole window it declares, and concurrent attempts cannot beat it."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import time_machine
from django.db import connection

from limits.ratelimit import is_limited

DAY = 24 * 3600
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def test_a_daily_limit_still_holds_after_a_quiet_hour(db):
    with time_machine.travel(START, tick=False) as clock:
        assert [is_limited("daily", "ala", limit=3, window=DAY) for _ in range(3)] == [False] * 3
        clock.shift(datetime.timedelta(minutes=10))
        assert is_limited("daily", "ala", limit=3, window=DAY) is True
        clock.shift(datetime.timedelta(hours=6))
        assert is_limited("daily", "ala", limit=3, window=DAY) is True


def test_attempts_count_again_once_they_leave_the_window_and_old_rows_are_deleted(db):
    from limits.models import Counter

    with time_machine.travel(START, tick=False) as clock:
        for _ in range(4):
            is_limited("hourly", "ala", limit=3, window=3600)
        assert is_limited("hourly", "ala", limit=3, window=3600) is True
        clock.shift(datetime.timedelta(hours=1))
        assert is_limited("hourly", "ala", limit=3, window=3600) is True  # up to one slice (6 min) longer
        clock.shift(datetime.timedelta(minutes=6))
        assert is_limited("hourly", "ala", limit=3, window=3600) is False
        rows = Counter.objects.filter(key__startswith="hourly:")
        assert not rows.filter(window_start=int(START.timestamp())).exists()  # read by no one any more
        assert sum(rows.values_list("count", flat=True)) == 1  # refused attempts were taken back


def test_a_boundary_of_the_clock_lets_no_second_limit_through(db):
    """The tester's burst: 5 comments just before a 600 s boundary, 5 more just after."""
    boundary = datetime.datetime(2026, 3, 2, 8, 10, tzinfo=datetime.UTC)
    with time_machine.travel(boundary - datetime.timedelta(seconds=8), tick=False) as clock:
        assert [is_limited("comment", 7, limit=5, window=600) for _ in range(6)] == [False] * 5 + [True]
        clock.shift(datetime.timedelta(seconds=9))
        assert [is_limited("comment", 7, limit=5, window=600) for _ in range(5)] == [True] * 5


def test_no_span_of_one_window_ever_holds_more_than_the_limit(db):
    """Attempts every 7 s for two hours: at most the limit in any 600 s, and the limit keeps flowing."""
    limit, window, step = 5, 600, 7
    let_through = []
    with time_machine.travel(START + datetime.timedelta(seconds=3), tick=False) as clock:
        for n in range(2 * 3600 // step):
            if not is_limited("steady", "ala", limit=limit, window=window):
                let_through.append(n * step)
            clock.shift(datetime.timedelta(seconds=step))
    busiest = max(sum(1 for t in let_through if s <= t < s + window) for s in let_through)
    assert busiest == limit
    # A slice (60 s) of delay at most: each attempt returns within window + slice + step.
    assert len(let_through) >= limit * (2 * 3600 // (window + 60 + step))


def test_concurrent_attempts_let_through_exactly_the_limit(transactional_db):
    attempts, limit = 140, 100
    barrier = threading.Barrier(20)

    def attempt(i):
        if i < 20:
            barrier.wait()  # the first twenty start together
        try:
            return is_limited("concurrent", "10.0.0.1", limit=limit, window=600)
        finally:
            connection.close()  # each thread has its own PostgreSQL connection

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(attempt, range(attempts)))
    assert results.count(False) == limit
    assert results.count(True) == attempts - limit
