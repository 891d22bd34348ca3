"""A vote or a comment renews the pages of its post only; other changes still renew the whole site."""

import os
import subprocess
import sys

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import Client

from conftest import test_database_url
from news.models import Rating, post_tag
from pagecache import middleware, versions

OTHER_PAGES = ["/", "/aktualnosci/", "/spotkania/", "/partnerzy/"]


def _warm(client, paths):
    for path in paths:
        client.get(path)
    for path in paths:
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_a_vote_renews_its_post_and_leaves_every_other_page_cached(
    client, make_post, django_capture_on_commit_callbacks
):
    voted, other = make_post(title="Wpis oceniany"), make_post(title="Wpis obok")
    _warm(client, [voted.get_absolute_url(), other.get_absolute_url(), *OTHER_PAGES])
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"{voted.get_absolute_url()}ocena/", {"value": 4})
    page = client.get(voted.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "4,0 / 5</strong> – 1 ocena" in page.text
    for path in [other.get_absolute_url(), *OTHER_PAGES]:
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_a_comment_renews_its_post_only(client, make_post, django_user_model, django_capture_on_commit_callbacks):
    post, other = make_post(), make_post()
    carol = django_user_model.objects.create_user(username="carol@example.com", email="carol@example.com")
    EmailAddress.objects.create(user=carol, email=carol.email, verified=True, primary=True)
    carol.comments.create(post=post, author_name="Karolina", body="Pierwszy", status="approved")
    _warm(client, [post.get_absolute_url(), other.get_absolute_url(), "/"])
    reader = Client()
    reader.force_login(carol)
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(f"{post.get_absolute_url()}komentarze/", {"author_name": "Karolina", "body": "Drugi komentarz"})
    assert "Drugi komentarz" in client.get(post.get_absolute_url()).text
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_post_edit_still_renews_every_page(client, make_post, django_capture_on_commit_callbacks):
    post = make_post(title="Stary tytuł")
    _warm(client, ["/", "/spotkania/"])
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Nowy tytuł"
        post.save()
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/spotkania/")["X-Page-Cache"] == "miss"  # not known what it shows: renewed too


def test_a_vote_changes_the_etag_of_its_post_only(client, make_post, django_capture_on_commit_callbacks):
    voted, other = make_post(), make_post()
    etags = {p: client.get(p.get_absolute_url())["ETag"] for p in (voted, other)}
    with django_capture_on_commit_callbacks(execute=True):
        Rating.objects.create(post=voted, browser_key="klucz", value=5)
    assert client.get(voted.get_absolute_url(), headers={"if-none-match": etags[voted]}).status_code == 200
    assert client.get(other.get_absolute_url(), headers={"if-none-match": etags[other]}).status_code == 304


def test_a_tag_dropped_from_the_cache_never_makes_an_old_page_fresh(
    client, make_post, settings, django_capture_on_commit_callbacks
):
    post = make_post()
    client.get(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        Rating.objects.create(post=post, browser_key="klucz", value=2)
    versions.cache.delete(versions.tag_key(post_tag(post.slug)))  # as culling may do
    page = client.get(post.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "2,0 / 5" in page.text


def test_a_hit_on_a_post_reads_the_versions_in_one_query(client, make_post, settings, django_assert_num_queries):
    post = make_post()
    client.get(post.get_absolute_url())
    with django_assert_num_queries(1):
        assert client.get(post.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.system  # another process (manage.py shell) saves
@pytest.mark.django_db(transaction=True)
def test_a_vote_in_another_process_shows_on_the_next_request(client, make_post, settings):
    post, other = make_post(), make_post()
    _warm(client, [post.get_absolute_url(), other.get_absolute_url()])
    script = f"from news.models import Rating; Rating.objects.create(post_id={post.pk}, browser_key='inny', value=3)"
    env = {**os.environ, "DATABASE_URL": test_database_url(), "DEBUG": "1"}
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], env=env, check=True, cwd=django_settings.BASE_DIR
    )
    page = client.get(post.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "3,0 / 5" in page.text
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_while_the_cache_is_away_a_post_page_is_served_from_memory(client, make_post, monkeypatch):
    post = make_post(title="Wpis w pamięci")
    client.get(post.get_absolute_url())
    client.get(post.get_absolute_url())

    def away(*args, **kwargs):
        raise OperationalError("the server is away")

    monkeypatch.setattr(type(caches["pages"]), "get_many", away)
    monkeypatch.setattr(middleware, "_database_answers", lambda: False)
    page = client.get(post.get_absolute_url())
    assert page["X-Page-Cache"] == "offline"
    assert "Wpis w pamięci" in page.text
    assert connection.is_usable()
