import pytest

from stats.tests.conftest import BROWSER


def test_staff_reading_a_post_are_not_counted(reader, make_post, alice, views_of):
    post = make_post()
    reader.force_login(alice)
    assert reader.get(post.get_absolute_url()).status_code == 200
    assert views_of(post) == 0


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/140.0 Safari/537.36",
    ],
)
def test_robots_are_not_counted(client, make_post, agent, views_of):
    post = make_post()
    assert client.get(post.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    assert views_of(post) == 0


def test_head_requests_are_not_counted(reader, make_post, views_of):
    post = make_post()
    reader.get(post.get_absolute_url())  # stored: the HEAD below is a cached hit
    assert reader.head(post.get_absolute_url()).status_code == 200
    assert views_of(post) == 1


@pytest.mark.parametrize("header", [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}])
def test_prefetches_are_not_counted(reader, make_post, header, views_of):
    post = make_post()
    reader.get(post.get_absolute_url())
    assert reader.get(post.get_absolute_url(), **header)["X-Page-Cache"] == "hit"
    assert views_of(post) == 1


def test_a_not_modified_answer_is_not_counted(reader, make_post, views_of):
    post = make_post()
    etag = reader.get(post.get_absolute_url())["ETag"]
    assert reader.get(post.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert views_of(post) == 1


def test_a_missing_item_is_not_counted(reader, make_post, views_of):
    post = make_post(status="draft")
    assert reader.get(post.get_absolute_url()).status_code == 404
    assert views_of(post) == 0


def test_a_count_that_fails_never_costs_the_reader_the_page(reader, make_post, monkeypatch):
    from stats import counter

    def broken(*args, **kwargs):
        raise ConnectionError("database away")

    monkeypatch.setattr(counter, "count_view", broken)
    post = make_post(title="Targi pracy")
    response = reader.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert "Targi pracy" in response.text


def test_older_comments_of_a_post_are_not_another_view(reader, make_post, bob, views_of):
    from news.models import Comment

    post = make_post()
    Comment.objects.bulk_create(
        Comment(post=post, user=bob, author_name="Bob", body=f"Komentarz numer {n}.", status=Comment.Status.APPROVED)
        for n in range(25)
    )
    reader.get(post.get_absolute_url())
    assert reader.get(post.get_absolute_url(), {"komentarze": "2"}).status_code == 200
    assert views_of(post) == 1
