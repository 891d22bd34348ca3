"""The daily duties delete preview links a fixed time after they expired or were revoked."""

import datetime

import time_machine
from django.utils import timezone

from drafts.models import PREVIEW_LINK_KEEP_DAYS, PreviewLink
from news.models import Post
from partnerstwo import retention


def test_links_go_after_their_keeping_period_and_not_before(make_post, make_preview_link):
    post = make_post(status=Post.Status.DRAFT)
    expiring, _ = make_preview_link(post, days=1)
    revoked, _ = make_preview_link(post, days=14)
    active, _ = make_preview_link(post, days=14)
    revoked.revoked_at = timezone.now()
    revoked.save()

    keep = datetime.timedelta(days=PREVIEW_LINK_KEEP_DAYS)
    with time_machine.travel(revoked.revoked_at + keep - datetime.timedelta(minutes=1)):
        assert retention.prune()["ended preview links"] == 0
    with time_machine.travel(expiring.expires_at + keep + datetime.timedelta(minutes=1)):
        assert retention.prune()["ended preview links"] == 2
    assert list(PreviewLink.objects.all()) == [active]


def test_the_privacy_policy_names_the_period(client, db):
    from pages.models import Page

    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci")
    page = client.get("/polityka-prywatnosci/").text
    assert "Link do podglądu treści przed publikacją" in page and "przez miesiąc od jego wygaśnięcia" in page
