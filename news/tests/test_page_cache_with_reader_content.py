"""The whole-page cache (pagecache/) never shows a reader stale votes or comments."""

from django.test import Client

from news.models import Comment


def test_a_new_vote_shows_to_everyone_at_once(client, make_post, django_capture_on_commit_callbacks):
    post = make_post()
    assert "Brak ocen" in client.get(post.get_absolute_url()).text
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    voter = Client()
    with django_capture_on_commit_callbacks(execute=True):
        voter.post(f"{post.get_absolute_url()}ocena/", {"value": 5})
    assert "5,0 / 5</strong> – 1 ocena" in client.get(post.get_absolute_url()).text
    # The voter's browser carries the rating cookie: never a shared page.
    response = voter.get(post.get_absolute_url())
    assert response.get("X-Page-Cache") != "hit"
    assert "Twoja ocena: 5 / 5" in response.text


def test_a_comment_that_appears_at_once_shows_to_everyone(
    client, make_post, carol, make_comment, django_capture_on_commit_callbacks
):
    post = make_post()
    make_comment(post, carol, body="Pierwszy, zatwierdzony")
    client.get(post.get_absolute_url())
    reader = Client()
    reader.force_login(carol)
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(f"{post.get_absolute_url()}komentarze/", {"author_name": "Karolina", "body": "Drugi, od razu"})
    assert Comment.objects.filter(body="Drugi, od razu", status=Comment.Status.APPROVED).exists()
    html = client.get(post.get_absolute_url()).text
    assert "Drugi, od razu" in html and "2 komentarze" in html
