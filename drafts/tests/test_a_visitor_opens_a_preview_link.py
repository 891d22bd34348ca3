"""Someone without an account opens a preview link: the saved post as its page shows it.

drafts/previews.py preview; made by staff in test_staff_create_a_preview_link.py, walked end to
end in tests/browser/test_a_draft_is_previewed_through_a_link.py.
"""

import datetime

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import pdf_bytes
from library.models import Document
from news.models import Comment, Post, PostAttachment

BANNER = "Podgląd wersji roboczej."


def test_a_draft_is_shown_with_the_banner_and_without_forms(client, make_post, make_preview_link):
    post = make_post(title="Nabór do programu staży", status=Post.Status.DRAFT, lead="Zajawka szkicu.")
    link, url = make_preview_link(post, days=7)
    response = client.get(url)
    assert response.status_code == 200
    page = response.text
    assert BANNER in page and "Nabór do programu staży" in page and "Zajawka szkicu." in page
    expires = timezone.localtime(link.expires_at)
    assert f'Link jest ważny do <time datetime="{expires:%Y-%m-%dT%H:%M}' in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (
        "Ocena wpisu" not in page and "Twoja ocena" not in page and "komentarz" not in page.lower()
    )  # no rating, no comments


def test_the_answer_is_private_and_never_indexed(client, make_post, make_preview_link):
    _, url = make_preview_link(make_post(status=Post.Status.DRAFT))
    response = client.get(url)
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get(url)  # never from the page cache either


def test_the_current_saved_state_is_shown_after_a_change(client, make_post, make_preview_link):
    post = make_post(title="Pierwsza wersja", status=Post.Status.DRAFT)
    _, url = make_preview_link(post)
    assert "Pierwsza wersja" in client.get(url).text
    post.title = "Druga wersja"
    post.save()
    page = client.get(url).text
    assert "Druga wersja" in page and "Pierwsza wersja" not in page


def test_a_scheduled_post_is_shown_before_its_time(client, make_post, make_preview_link):
    post = make_post(title="Wpis na jutro", published_at=timezone.now() + datetime.timedelta(days=1))
    _, url = make_preview_link(post)
    assert client.get(post.get_absolute_url()).status_code == 404
    page = client.get(url).text
    assert "Wpis na jutro" in page and BANNER in page


def test_an_unknown_token_gets_a_404(client, db):
    assert client.get("/podglad/nie-ma-takiego-tokenu/").status_code == 404
    assert client.get("/podglad/" + "x" * 500 + "/").status_code == 404


def test_a_trashed_post_gets_a_404(client, make_post, make_preview_link):
    post = make_post(status=Post.Status.DRAFT)
    _, url = make_preview_link(post)
    Post.objects.filter(pk=post.pk).update(deleted_at=timezone.now())
    assert client.get(url).status_code == 404


def test_an_expired_link_gets_a_410_in_polish(client, make_post, make_preview_link):
    _, url = make_preview_link(make_post(status=Post.Status.DRAFT), days=1)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        response = client.get(url)
    assert response.status_code == 410
    assert "Link do podglądu nie jest już ważny" in response.text and "wygasł" in response.text
    assert response["Cache-Control"] == "private, no-store" and response["X-Robots-Tag"] == "noindex, nofollow"


def test_opening_previews_too_often_is_refused(client, make_post, make_preview_link, monkeypatch):
    from drafts import previews

    monkeypatch.setattr(previews, "PREVIEWS_PER_WINDOW", 2)
    _, url = make_preview_link(make_post(status=Post.Status.DRAFT))
    assert client.get(url).status_code == 200
    assert client.get("/podglad/zgadywany-token/").status_code == 404
    refused = client.get(url)
    assert refused.status_code == 429 and "Zbyt wiele prób" in refused.text


def test_post_is_rejected(client, make_post, make_preview_link):
    _, url = make_preview_link(make_post(status=Post.Status.DRAFT))
    assert client.post(url).status_code in (403, 405)  # CSRF refuses first, or the method


def test_the_preview_runs_the_same_queries_with_one_post_or_many(
    client, make_post, make_preview_link, django_assert_num_queries, django_user_model
):
    post = make_post(status=Post.Status.DRAFT)
    attach(post, 1)
    _, url = make_preview_link(post)
    client.get(url)  # one-off lookups (content types, the frame's rows)
    with django_assert_num_queries(9) as small:
        page = client.get(url).text
    assert "Załączniki" in page and "Regulamin 0" in page
    reader = django_user_model.objects.create_user(username="czytelnik@example.com")
    for _ in range(30):
        make_post()
    attach(post, 20)
    Comment.objects.bulk_create(
        Comment(post=post, user=reader, author_name="Czytelnik", body="Tekst", status=Comment.Status.APPROVED)
        for _ in range(30)
    )
    with django_assert_num_queries(len(small.captured_queries)):
        assert "Regulamin 19" in client.get(url).text


def attach(post, n):
    """``n`` library documents listed under the post."""
    for i in range(post.attachments.count(), n):
        document = Document.objects.create(title=f"Regulamin {i}", file=SimpleUploadedFile(f"r{i}.pdf", pdf_bytes()))
        PostAttachment.objects.create(post=post, document=document, position=i)


def test_opening_a_preview_is_not_counted_as_a_view(client, make_post, make_preview_link):
    from pages.models import Page
    from stats.models import DailyViews
    from stats.tests.conftest import BROWSER

    post = make_post()  # published: its public page is counted
    page = Page.objects.create(title="Strona", slug="strona", section=Page.Section.PARTNERSHIP)
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    for obj in (post, page):
        _, url = make_preview_link(obj)
        assert client.get(url).status_code == 200
    assert not DailyViews.objects.exists()
    client.get(post.get_absolute_url())
    assert [(row.content_object, row.count) for row in DailyViews.objects.all()] == [(post, 1)]
