import datetime
import secrets

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from drafts.models import PreviewLink, hash_preview_token


@pytest.fixture
def make_preview_link(db):
    """``make_preview_link(post, days=7)``: (link, its address), made as the admin box makes them."""

    def make(obj, days=7, created_by=None):
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        link = PreviewLink.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            token_hash=hash_preview_token(token),
            created_by=created_by,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        return link, f"/podglad/{token}/"

    return make
