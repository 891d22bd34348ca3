"""A preview page names its item's public address wherever a page names its own (canonical link,
print address, the footer's accessibility report, the newsletter box's source), so the link's
secret never travels into a form, a link or a row stored by another app."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from meetings.models import Meeting
from news.models import Post
from pages.models import Page


@pytest.fixture
def items(make_post, db):
    return {
        "post": make_post(title="Nabór do programu staży", status=Post.Status.DRAFT),
        "page": Page.objects.create(
            title="Staże w gminach", slug="staze", section=Page.Section.PARTNERSHIP, is_published=False
        ),
        "meeting": Meeting.objects.create(
            title="Spotkanie partnerów", slug="spotkanie", date=timezone.localdate() + datetime.timedelta(days=7)
        ),
    }


@pytest.mark.parametrize("kind", ["post", "page", "meeting"])
def test_the_preview_names_the_public_address_and_never_its_token(client, items, make_preview_link, kind):
    item = items[kind]
    _, url = make_preview_link(item)
    token = url.rstrip("/").rsplit("/", 1)[-1]

    page = client.get(url).text

    assert token not in page
    public = item.get_absolute_url()
    assert f'<link rel="canonical" href="{settings.SITE_URL}{public}">' in page
    assert f'name="source" value="{public}"' in page
    assert f'?adres={public}"' in page
