import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

# A reader's browser, as it introduces itself.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture
def reader(client):
    """A resident reading the portal in a browser, without an account."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def views_of():
    """An object's count of the day, as its ``DailyViews`` row holds it (0 when there is none)."""
    from stats.models import DailyViews

    def read(obj, day=None):
        row = DailyViews.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            day=day or timezone.localdate(),
        ).first()
        return row.count if row else 0

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
