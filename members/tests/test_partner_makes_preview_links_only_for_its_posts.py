"""A partner's account makes and revokes preview links of its own institution's posts only: the
preview box's views (drafts/previews.py) ask the post's admin, which knows the account's limits."""

import pytest
from django.urls import reverse

from drafts.models import PreviewLink
from drafts.previews import make_link
from news.models import Post


@pytest.fixture
def drafts_of(make_post, nasielsk, czosnow, from_nasielsk, from_czosnow):
    return {
        "nasielsk": make_post(
            title="Szkic Nasielsk", status=Post.Status.DRAFT, institution=nasielsk, author=from_nasielsk
        ),
        "czosnow": make_post(title="Szkic Czosnów", status=Post.Status.DRAFT, institution=czosnow, author=from_czosnow),
    }


def create(client, post):
    return client.post(
        reverse("admin:drafts_preview_create"),
        {"model": "news.post", "object_id": str(post.pk), "days": "7"},
    )


def test_a_partner_makes_a_link_for_its_own_draft(client, drafts_of, from_nasielsk):
    client.force_login(from_nasielsk)
    response = create(client, drafts_of["nasielsk"])
    assert response.status_code == 302
    assert PreviewLink.objects.filter(object_id=drafts_of["nasielsk"].pk).count() == 1


def test_a_partner_can_neither_make_nor_revoke_a_link_of_another_institution(client, drafts_of, from_nasielsk):
    other = drafts_of["czosnow"]
    link, _ = make_link(other, 7)
    client.force_login(from_nasielsk)

    assert create(client, other).status_code == 403
    assert client.post(reverse("admin:drafts_preview_revoke"), {"link": str(link.pk)}).status_code == 403

    link.refresh_from_db()
    assert link.revoked_at is None
    assert PreviewLink.objects.filter(object_id=other.pk).count() == 1
