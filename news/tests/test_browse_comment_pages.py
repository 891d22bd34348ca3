"""A reader pages through a long discussion: the newest 20 comments first, older ones a link away."""

import datetime

import pytest
from django.utils import timezone

from news.models import COMMENTS_PER_PAGE, Comment


@pytest.fixture
def discussion(make_post, carol):
    """A post with 45 approved comments written a minute apart (Komentarz 0 is the oldest)."""
    post = make_post()
    start = timezone.now() - datetime.timedelta(days=1)
    comments = Comment.objects.bulk_create(
        Comment(post=post, user=carol, author_name="Karolina", body=f"Komentarz {n}.", status=Comment.Status.APPROVED)
        for n in range(45)
    )
    for n, comment in enumerate(comments):
        Comment.objects.filter(pk=comment.pk).update(created_at=start + datetime.timedelta(minutes=n))
    return post


def _shown(html):
    return [int(part.split(".")[0]) for part in html.split("<p>Komentarz ")[1:]]


def test_the_post_page_shows_the_newest_20_comments_oldest_first(client, discussion):
    html = client.get(discussion.get_absolute_url()).text
    assert _shown(html) == list(range(25, 45))
    assert '<p class="comment-count">45 komentarzy' in html
    assert "Strona komentarzy 1 z 3" in html
    assert f'href="{discussion.get_absolute_url()}?komentarze=2#komentarze" rel="next">Starsze komentarze' in html
    assert f'href="{discussion.get_absolute_url()}?komentarze=3#komentarze">Najstarsze komentarze' in html
    assert "Nowsze komentarze" not in html


def test_older_pages_link_back_to_the_newest(client, discussion):
    html = client.get(discussion.get_absolute_url() + "?komentarze=3").text
    assert _shown(html) == list(range(0, 5))
    assert "Strona komentarzy 3 z 3" in html
    assert f'href="{discussion.get_absolute_url()}?komentarze=2#komentarze" rel="prev">‹ Nowsze komentarze' in html
    assert f'href="{discussion.get_absolute_url()}#komentarze">« Najnowsze komentarze' in html
    assert "Starsze komentarze" not in html
    middle = client.get(discussion.get_absolute_url() + "?komentarze=2").text
    assert _shown(middle) == list(range(5, 25))
    assert f'href="{discussion.get_absolute_url()}#komentarze" rel="prev">' in middle


@pytest.mark.parametrize("page", ["0", "4", "abc", "-1", "²", "1" * 30])
def test_a_page_that_does_not_exist_is_a_polish_404(client, discussion, page):
    response = client.get(discussion.get_absolute_url(), {"komentarze": page})
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


def test_a_short_discussion_has_no_page_links(client, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol)
    html = client.get(post.get_absolute_url()).text
    assert "Strony komentarzy" not in html


def test_an_older_comment_links_to_the_page_that_shows_it(client, discussion):
    oldest = Comment.objects.filter(post=discussion).order_by("created_at").first()
    newest = Comment.objects.filter(post=discussion).order_by("created_at").last()
    assert oldest.get_absolute_url() == f"{discussion.get_absolute_url()}?komentarze=3#komentarz-{oldest.pk}"
    assert newest.get_absolute_url() == f"{discussion.get_absolute_url()}#komentarz-{newest.pk}"
    assert f'id="komentarz-{oldest.pk}"' in client.get(oldest.get_absolute_url().split("#")[0]).text


def test_a_new_comment_on_a_long_discussion_is_on_the_page_the_reader_lands_on(client, discussion, carol):
    client.force_login(carol)
    response = client.post(
        f"{discussion.get_absolute_url()}komentarze/", {"author_name": "Karolina", "body": "Mój nowy komentarz."}
    )
    comment = Comment.objects.get(body="Mój nowy komentarz.")
    assert response["Location"] == f"{discussion.get_absolute_url()}#komentarz-{comment.pk}"
    page = client.get(response["Location"].split("#")[0]).text
    assert f'id="komentarz-{comment.pk}"' in page
    assert len(_shown(page)) == COMMENTS_PER_PAGE - 1  # 19 others and the new one
