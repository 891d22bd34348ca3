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


def test_a_new_window_starts_afresh_and_old_windows_are_deleted(db):
    from limits.models import Counter

    with time_machine.travel(START, tick=False) as clock:
        for _ in range(4):
            is_limited("hourly", "ala", limit=3, window=3600)
        assert is_limited("hourly", "ala", limit=3, window=3600) is True
        clock.shift(datetime.timedelta(hours=1))
        assert is_limited("hourly", "ala", limit=3, window=3600) is False
        assert Counter.objects.filter(key__startswith="hourly:").count() == 1


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
