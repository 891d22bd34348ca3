import datetime
import re

from news.models import Comment, Rating


def test_my_account_needs_a_login(client, db):
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/zaloguj/?next=/konto/"


def test_reader_sees_their_comments_and_ratings(client, reader, make_post):
    post = make_post(title="Spotkanie w starostwie")
    other = make_post(title="Inny wpis")
    Comment.objects.create(post=post, user=reader, author_name="Bob", body="Mój komentarz <b>", status="pending")
    Rating.objects.create(post=other, user=reader, value=5)
    client.force_login(reader)
    html = client.get("/konto/").text
    assert "<h1>Moje konto</h1>" in html
    assert "1 komentarz" in html and "Mój komentarz &lt;b&gt;" in html and "czeka na moderację" in html
    assert f'href="{post.get_absolute_url()}#komentarz-' in html
    assert "1 ocena" in html and re.search(r"Inny wpis</a>: 5 / 5", html)
    assert 'href="/konto/moje-dane.json"' in html
    assert 'href="/konto/usun/"' in html
    assert (
        'href="/konto/adres-e-mail/"' in html
        and 'href="/konto/haslo/zmien/"' in html
        and 'href="/konto/weryfikacja-dwuetapowa/"' in html
    )


def test_an_empty_account_says_so(client, reader):
    client.force_login(reader)
    html = client.get("/konto/").text
    assert "Brak komentarzy." in html and "Brak ocen." in html


def test_a_comment_on_an_older_page_of_the_discussion_is_linked_to_that_page(client, reader, alice, make_post):
    post = make_post(title="Targi pracy w Nasielsku")
    mine = Comment.objects.create(post=post, user=reader, author_name="Bob", body="Mój", status="approved")
    # Twenty newer comments push it to the second page (pages of 20, newest first).
    later = [
        Comment(post=post, user=alice, author_name=f"Alicja {n}", body="Nowszy", status="approved") for n in range(20)
    ]
    Comment.objects.bulk_create(later)
    Comment.objects.filter(pk__in=[c.pk for c in later]).update(created_at=mine.created_at + datetime.timedelta(1))
    client.force_login(reader)
    html = client.get("/konto/").text
    assert f'href="{post.get_absolute_url()}?komentarze=2#komentarz-{mine.pk}"' in html
    assert f"komentarz-{mine.pk}" in client.get(f"{post.get_absolute_url()}?komentarze=2").text


def test_dashboard_runs_few_queries_whatever_the_count(
    client, reader, make_post, django_assert_num_queries, cold_render
):
    posts = [make_post() for _ in range(10)]
    Comment.objects.bulk_create(
        Comment(post=p, user=reader, author_name="Bob", body="x", status=status)
        for p in posts
        for status in ("approved", "pending")
    )
    Rating.objects.bulk_create(Rating(post=p, user=reader, value=3) for p in posts)
    client.force_login(reader)
    # session, user, e-mail address, newsletter subscriber, comments, ratings, coordinator
    with django_assert_num_queries(8):
        client.get("/konto/")
