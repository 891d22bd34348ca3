"""Staff who send rich text above the bounds of core/markup.py get a Polish refusal, never a stalled
worker: the save comes back with the field's error and everything typed, the panel gets a 400."""

import pytest

from adminsite.tests.test_staff_are_refused_an_image_without_alt_text import post_form
from core import sanitize
from core.markup import MAX_DEPTH, MarkupTooComplex
from news.models import Post

NESTED = "<div>" * 160_000 + "x"
TOO_DEEP = (
    "Tekst ma zbyt głęboko zagnieżdżone elementy (ponad 100 poziomów jeden w drugim), więc nie można go "
    "sprawdzić ani zapisać. Usuń zbędne zagnieżdżenia albo wklej tekst ponownie jako zwykły tekst."
)


@pytest.fixture
def no_cleaning(monkeypatch):
    """Fails a test if the cleaner is asked to clean anything."""

    def refuse(html, **kwargs):
        raise AssertionError(f"nh3 cleaned {len(html)} characters")

    monkeypatch.setattr(sanitize.nh3, "clean", refuse)


def test_a_post_nested_too_deep_is_refused_with_what_was_typed_kept(client, alice, category, no_cleaning):
    client.force_login(alice)
    body = "<blockquote>" * (MAX_DEPTH + 1) + "Cytat"
    response = client.post("/admin/news/post/add/", post_form(category, body))
    assert response.status_code == 200
    assert not Post.objects.exists()
    form = response.context["adminform"].form
    assert form.errors["body"] == [TOO_DEEP]
    assert form["body"].value() == body
    assert TOO_DEEP in response.text


def test_the_panel_refuses_deep_nesting_with_a_400_in_polish(client, alice, no_cleaning):
    client.force_login(alice)
    response = client.post("/admin/sprawdz-tresc/", {"html": NESTED})
    assert response.status_code == 400
    assert response.json() == {"error": TOO_DEEP}


def test_saving_around_the_admin_refuses_rather_than_cuts(make_post, no_cleaning):
    with pytest.raises(MarkupTooComplex):
        make_post(body=NESTED)
    assert not Post.objects.exists()
