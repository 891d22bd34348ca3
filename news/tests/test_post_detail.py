import datetime

import pytest
from django.utils import timezone

from news.models import Post


def test_post_page_shows_what_a_reader_needs(client, make_post):
    older = make_post(title="Wcześniejszy")
    post = make_post(
        title="Partnerstwo lokalne w powiecie nowodworskim",
        published_at=timezone.make_aware(datetime.datetime(2018, 6, 8, 10)),
        body="<h2>Cele</h2><ul><li>dialog społeczny</li></ul>",
    )
    older.published_at = post.published_at - datetime.timedelta(days=1)
    older.save()
    html = client.get(post.get_absolute_url()).text
    assert "<h1>Partnerstwo lokalne w powiecie nowodworskim</h1>" in html
    assert "Opublikowano: <time" in html
    assert 'Kategoria: <a href="/aktualnosci/kategoria/wiadomosci/">Wiadomości</a>' in html
    assert "<li>dialog społeczny</li>" in html
    assert "Powrót do wpisów" in html
    assert 'rel="prev">Wcześniejszy</a>' in html


def test_draft_is_404_for_the_public_and_previewable_by_staff(client, make_post, alice, bob):
    draft = make_post(title="Szkic", status=Post.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(bob)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(alice)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd: ten wpis jest szkicem" in response.text


def test_hostile_body_is_not_rendered_even_if_stored_around_the_model(client, make_post):
    post = make_post()
    Post.objects.filter(pk=post.pk).update(body='<p>ok</p><script>alert(1)</script><img src=x onerror="alert(2)">')
    html = client.get(post.get_absolute_url()).text
    assert "alert(1)" not in html and "onerror" not in html


def test_body_is_sanitized_when_saved(make_post):
    post = make_post(body='<p onclick="x()">Tekst</p><a href="javascript:alert(1)">link</a>')
    assert "onclick" not in post.body and "javascript:" not in post.body


@pytest.mark.parametrize("count", [1, 30])
def test_post_page_query_count_is_constant(client, make_post, django_assert_num_queries, count, cold_render):
    posts = [make_post() for _ in range(count)]
    # post (with its rating and comment counts) + its attachments + previous + next + metryczka's
    # change register + coordinator; no comments, so no query for them
    with django_assert_num_queries(9):
        client.get(posts[len(posts) // 2].get_absolute_url())


def test_over_long_slug_is_404(client, db):
    assert client.get("/aktualnosci/" + "a" * 5000 + "/").status_code == 404
