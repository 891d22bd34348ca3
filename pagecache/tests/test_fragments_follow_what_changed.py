"""Pages the page cache cannot serve reuse fragments that look the same for everyone, never stale ones."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from news.models import Comment
from pagecache import fragments


@pytest.fixture
def make_reader(db, django_user_model):
    def make(email):
        user = django_user_model.objects.create_user(username=email, email=email, first_name=email.split("@")[0])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        client = Client()
        client.force_login(user)
        return user, client

    return make


def _rating_form(html):
    return html.split('class="rating-form"')[1].split("</form>")[0]


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


def test_a_signed_in_reader_reuses_the_comment_list_and_sees_a_new_comment_at_once(
    make_post, make_reader, page_cache, settings, django_capture_on_commit_callbacks
):
    settings.PAGECACHE_RECHECK = 60  # the versions read stay trusted: only the fragment differs
    post = make_post()
    writer, writer_client = make_reader("pisarz@example.com")
    for n in range(3):
        Comment.objects.create(post=post, user=writer, author_name="Pisarz", body=f"Komentarz {n}", status="approved")
    _, reader = make_reader("czytelnik@example.com")
    reader.get(post.get_absolute_url())
    fragments.reset()
    _, first_count = _queries(reader, post.get_absolute_url())
    again, again_count = _queries(reader, post.get_absolute_url())
    assert again_count < first_count  # the comment list (and the post's public data) were kept
    assert again.text.count('class="comment"') == 3
    settings.PAGECACHE_RECHECK = 0  # what the comment below waits out before it answers
    with django_capture_on_commit_callbacks(execute=True):
        writer_client.post(f"{post.get_absolute_url()}komentarze/", {"author_name": "Pisarz", "body": "Nowy głos"})
    page = reader.get(post.get_absolute_url()).text
    assert "Nowy głos" in page and "4 komentarze" in page


def test_a_readers_waiting_comment_is_shown_to_them_only(
    make_post, make_reader, page_cache, django_capture_on_commit_callbacks
):
    post = make_post()
    _, newcomer = make_reader("nowy@example.com")  # a first comment waits for moderation
    _, other = make_reader("inny@example.com")
    other.get(post.get_absolute_url())  # the shared list, kept
    with django_capture_on_commit_callbacks(execute=True):
        newcomer.post(f"{post.get_absolute_url()}komentarze/", {"author_name": "Nowy", "body": "Czekam na moderację"})
    assert "Czekam na moderację" in newcomer.get(post.get_absolute_url()).text
    assert "Czekam na moderację" not in other.get(post.get_absolute_url()).text
    assert "Czekam na moderację" not in Client().get(post.get_absolute_url()).text
    assert "Czekam na moderację" in newcomer.get(post.get_absolute_url()).text


def test_staff_get_their_reply_links_after_readers_saw_the_list(make_post, make_reader, alice, page_cache):
    post = make_post()
    writer, reader = make_reader("pisarz@example.com")
    Comment.objects.create(post=post, user=writer, author_name="Pisarz", body="Pytanie", status="approved")
    reader.get(post.get_absolute_url())
    Client().get(post.get_absolute_url())
    staff = Client()
    staff.force_login(alice)
    assert "Odpowiedz jako Partnerstwo" in staff.get(post.get_absolute_url()).text
    assert "Odpowiedz jako Partnerstwo" not in reader.get(post.get_absolute_url()).text


def test_a_partner_edit_renews_the_directory_list(
    make_institution, make_reader, page_cache, django_capture_on_commit_callbacks
):
    institution = make_institution(name="Gminny Ośrodek Kultury")
    _, reader = make_reader("czytelnik@example.com")
    assert "Gminny Ośrodek Kultury" in reader.get("/partnerzy/").text
    with django_capture_on_commit_callbacks(execute=True):
        institution.name = "Miejski Ośrodek Kultury"
        institution.save()
    assert "Miejski Ośrodek Kultury" in reader.get("/partnerzy/").text


def test_a_new_post_shows_in_the_news_list_of_a_signed_in_reader_at_once(
    make_post, make_reader, page_cache, django_capture_on_commit_callbacks
):
    make_post(title="Pierwszy wpis")
    _, reader = make_reader("czytelnik@example.com")
    assert "Pierwszy wpis" in reader.get("/aktualnosci/").text
    with django_capture_on_commit_callbacks(execute=True):
        make_post(title="Drugi wpis")
    page = reader.get("/aktualnosci/").text
    assert "Pierwszy wpis" in page and "Drugi wpis" in page


def test_each_visitor_sees_their_own_vote_in_the_kept_rating_form(
    make_post, page_cache, django_capture_on_commit_callbacks
):
    post = make_post()
    Client().get(post.get_absolute_url())  # the unticked form, kept
    voter = Client()
    with django_capture_on_commit_callbacks(execute=True):
        voter.post(f"{post.get_absolute_url()}ocena/", {"value": 5})
    mine = _rating_form(voter.get(post.get_absolute_url()).text)
    assert re.search(r'<input[^>]*value="5"[^>]*checked', mine)
    assert "checked" not in _rating_form(Client().get(post.get_absolute_url()).text)
