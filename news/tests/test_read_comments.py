import pytest

from news.models import COMMENTS_PER_PAGE, Comment


def test_hostile_comment_text_is_shown_escaped(client, make_post, carol, make_comment):
    post = make_post()
    make_comment(
        post,
        carol,
        body='<script>alert(1)</script> <img src=x onerror="alert(2)"> " rel="x <a href="javascript:alert(3)">k</a>',
        author_name='<b onmouseover="alert(4)">Zły</b>',
    )
    html = client.get(post.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=&quot;alert(4)&quot;&gt;Zły&lt;/b&gt;" in html


def test_links_are_clickable_and_marked_as_user_content(client, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol, body="Więcej na https://pup.example/oferty i www.example.pl\nDruga linia")
    html = client.get(post.get_absolute_url()).text
    assert '<a href="https://pup.example/oferty" rel="nofollow ugc">https://pup.example/oferty</a>' in html
    assert '<a href="https://www.example.pl" rel="nofollow ugc">www.example.pl</a>' in html
    assert "<br>Druga linia" in html


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "Brak komentarzy"),
        (1, "1 komentarz<"),
        (2, "2 komentarze<"),
        (5, "5 komentarzy<"),
        (12, "12 komentarzy<"),
        (22, "22 komentarze<"),
        (101, "101 komentarzy<"),
    ],
)
def test_comment_count_uses_polish_plurals(client, make_post, carol, count, text):
    post = make_post()
    Comment.objects.bulk_create(
        Comment(post=post, user=carol, author_name="Karolina", body=f"Komentarz {n}", status=Comment.Status.APPROVED)
        for n in range(count)
    )
    Comment.objects.create(post=post, user=carol, author_name="K", body="spam", status=Comment.Status.SPAM)
    html = client.get(post.get_absolute_url()).text
    assert f'<p class="comment-count">{text}' in html
    assert html.count('class="comment"') == min(count, COMMENTS_PER_PAGE)  # the newest page


@pytest.mark.parametrize("count", [1, 50])
def test_post_page_runs_the_same_queries_with_1_and_50_comments(
    client, make_post, make_reader, django_assert_num_queries, count, cold_render
):
    post = make_post()
    readers = [make_reader() for _ in range(3)]
    Comment.objects.bulk_create(
        Comment(
            post=post,
            user=readers[n % 3],
            author_name=f"Czytelnik {n}",
            body="Treść https://example.pl",
            status=Comment.Status.APPROVED,
        )
        for n in range(count)
    )
    # the post, its attachments, its ratings, its comment counts, its neighbours, the comments, the
    # register and the frame
    with django_assert_num_queries(9):
        response = client.get(post.get_absolute_url())
    assert response.text.count('class="comment"') == min(count, COMMENTS_PER_PAGE)
    client.force_login(readers[0])
    # + session and user of the logged-in reader
    with django_assert_num_queries(11):
        client.get(post.get_absolute_url())
