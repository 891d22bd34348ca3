import datetime
import itertools

import pytest
from django.utils import timezone

_seq = itertools.count(1)

# A reader's browser, as it introduces itself.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture(autouse=True)
def views_cache(settings):
    """Counters of this test only: a transactional test's flush leaves the cache table alone."""
    from stats import counter

    views = {**settings.CACHES["views"], "KEY_PREFIX": f"views-test-{next(_seq)}"}
    settings.CACHES = {**settings.CACHES, "views": views}
    return counter.cache


@pytest.fixture
def reader(client):
    """A resident reading the portal in a browser, without an account."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def counter_of():
    """Today's counter of an object, as the cache holds it (0 when none)."""
    from stats import counter

    def read(obj, day=None):
        key = counter.counter_key(counter.item_of(obj), day or timezone.localdate())
        return counter.cache.get(key, 0)

    return read


@pytest.fixture
def make_page(db):
    from pages.models import Page

    def make(title="Historia partnerstwa", slug="historia"):
        return Page.objects.create(title=title, slug=slug, url_path=slug)

    return make


@pytest.fixture
def make_meeting(db):
    from meetings.models import Meeting

    def make(title="Spotkanie partnerów", slug="spotkanie-partnerow"):
        return Meeting.objects.create(title=title, slug=slug, date=timezone.localdate() + datetime.timedelta(days=7))

    return make
