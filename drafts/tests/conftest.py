import pytest

from drafts.previews import make_link


@pytest.fixture
def make_preview_link(db):
    """``make_preview_link(post, days=7)``: (link, its address), made as the admin box makes them."""

    def make(obj, days=7, created_by=None):
        return make_link(obj, days, created_by=created_by)

    return make
