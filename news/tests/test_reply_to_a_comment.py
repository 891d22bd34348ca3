"""Staff answer a reader's comment as the partnership; the answer shows under the comment."""

import pytest
from django.utils import timezone

from news.models import COMMENTS_PER_PAGE, Comment


def reply_form(comment, reply, **fields):
    data = {"author_name": comment.author_name, "body": comment.body, "status": comment.status, "reply": reply}
    data.update(fields)
    return data


def test_staff_reply_from_the_comment_and_it_shows_under_it_as_the_partnerships(
    client, alice, make_post, carol, make_comment
):
    post = make_post()
    comment = make_comment(post, carol, body="Kiedy ruszy nabór na staże?")
    client.force_login(alice)
    page = client.get(post.get_absolute_url()).text
    change_url = f"/admin/news/comment/{comment.pk}/change/"
    assert f'<a href="{change_url}">Odpowiedz jako Partnerstwo' in page

    form = client.get(change_url).text
    assert "Odpowiedź Partnerstwa Lokalnego" in form
    response = client.post(change_url, reply_form(comment, "Nabór ruszy w marcu.\nSzczegóły na stronie PUP."))
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#komentarz-{comment.pk}"

    comment.refresh_from_db()
    assert comment.reply == "Nabór ruszy w marcu.\nSzczegóły na stronie PUP."
    assert comment.replied_by == alice and comment.replied_at <= timezone.now()
    html = client.get(response["Location"]).text
    assert "Zapisano odpowiedź: jest już widoczna pod komentarzem." in html
    assert "Zmień odpowiedź Partnerstwa" in html

    client.logout()
    html = client.get(post.get_absolute_url()).text
    item = html.split(f'id="komentarz-{comment.pk}"')[1].split("</li>")[0]
    assert '<div class="comment-reply">' in item
    assert "<strong>Odpowiedź Partnerstwa Lokalnego</strong>" in item
    assert "<p>Nabór ruszy w marcu.<br>Szczegóły na stronie PUP.</p>" in item
    assert "Odpowiedz jako Partnerstwo" not in html


def test_readers_see_no_reply_link(client, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol)
    client.force_login(carol)
    assert "Odpowiedz jako Partnerstwo" not in client.get(post.get_absolute_url()).text


def test_clearing_the_reply_removes_it(client, alice, make_post, carol, make_comment):
    post = make_post()
    comment = make_comment(post, carol, reply="Dziękujemy!", replied_at=timezone.now(), replied_by=alice)
    client.force_login(alice)
    response = client.post(f"/admin/news/comment/{comment.pk}/change/", reply_form(comment, "  "), follow=True)
    assert "Usunięto odpowiedź Partnerstwa spod komentarza." in response.text
    comment.refresh_from_db()
    assert (comment.reply, comment.replied_at, comment.replied_by) == ("", None, None)
    assert "comment-reply" not in client.get(post.get_absolute_url()).text


def test_a_reply_to_a_waiting_comment_appears_once_it_is_approved(
    client, alice, make_post, carol, make_comment, django_capture_on_commit_callbacks
):
    post = make_post()
    comment = make_comment(post, carol, status=Comment.Status.PENDING)
    client.force_login(alice)
    response = client.post(
        f"/admin/news/comment/{comment.pk}/change/", reply_form(comment, "Odpowiadamy."), follow=True
    )
    assert "Pojawi się na stronie razem z komentarzem, gdy zostanie zatwierdzony." in response.text
    client.logout()
    assert "Odpowiadamy." not in client.get(post.get_absolute_url()).text
    comment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        comment.status = Comment.Status.APPROVED
        comment.save()
    assert "Odpowiadamy." in client.get(post.get_absolute_url()).text


def test_the_reply_is_shown_as_plain_text(client, make_post, carol, alice, make_comment):
    post = make_post()
    make_comment(
        post,
        carol,
        reply="<script>alert(1)</script> zob. https://pup.example/staze",
        replied_by=alice,
        replied_at=timezone.now(),
    )
    html = client.get(post.get_absolute_url()).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert '<a href="https://pup.example/staze">https://pup.example/staze</a>' in html


def test_the_comment_list_shows_which_comments_have_a_reply(client, alice, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol, body="Pytanie o staże", reply="Tak.", replied_at=timezone.now())
    make_comment(post, carol, body="Pytanie o szkolenia")
    client.force_login(alice)
    html = client.get("/admin/news/comment/?odpowiedz=brak").text
    assert "Pytanie o szkolenia" in html and "Pytanie o staże" not in html


@pytest.mark.parametrize("count", [1, 40])
def test_replies_add_no_queries_to_the_post_page(
    client, make_post, carol, alice, django_assert_num_queries, count, cold_render
):
    post = make_post()
    Comment.objects.bulk_create(
        Comment(
            post=post,
            user=carol,
            author_name="Karolina",
            body=f"Pytanie {n}",
            status=Comment.Status.APPROVED,
            reply=f"Odpowiedź {n}",
            replied_at=timezone.now(),
            replied_by=alice,
        )
        for n in range(count)
    )
    # the post, its attachments, its ratings, its comment counts, its neighbours, the comments, the
    # register and the frame
    with django_assert_num_queries(9):
        html = client.get(post.get_absolute_url()).text
    assert html.count("<strong>Odpowiedź Partnerstwa Lokalnego</strong>") == min(count, COMMENTS_PER_PAGE)
    client.force_login(alice)
    # + session and user of the signed-in staff member, who also gets the reply links
    with django_assert_num_queries(11):
        html = client.get(post.get_absolute_url()).text
    assert html.count("Zmień odpowiedź Partnerstwa") == min(count, COMMENTS_PER_PAGE)
