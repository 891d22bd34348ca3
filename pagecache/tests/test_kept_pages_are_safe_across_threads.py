"""gunicorn's gthread workers answer several requests at once in one process: the kept pages
and fragments (pagecache.cache._LocalPages) must stay whole and within their size."""

import sys
import threading

from pagecache.cache import _LocalPages


def test_threads_reading_and_storing_at_once_leave_the_store_whole():
    pages = _LocalPages(max_bytes=50 * 100)
    errors = []

    def work(offset):
        try:
            for i in range(3000):
                key = (offset + i) % 120
                pages.put(key, {"size": 100, "html": str(key)})
                entry = pages.get((key * 7) % 120)
                assert entry is None or entry["html"] == str((key * 7) % 120)
        except Exception as error:  # noqa: BLE001 - any error in a thread fails the test
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n * 13,)) for n in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show at once
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert pages.size == sum(entry["size"] for entry in pages.entries.values()) <= pages.max_bytes
