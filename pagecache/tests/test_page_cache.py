import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from conftest import test_database_url
from news.models import Post


def test_a_second_visit_is_served_from_the_cache_in_one_query(client, make_post, django_assert_num_queries):
    make_post(title="Pierwszy wpis")
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the page and the versions it was rendered from, read together
        response = client.get("/aktualnosci/")
    assert response["X-Page-Cache"] == "hit"
    assert "Pierwszy wpis" in response.text


@pytest.mark.django_db(transaction=True)
def test_a_change_answers_at_once_and_shows_on_the_next_request(client, alice, make_post, monkeypatch):
    make_post(title="Wpis przed zmianą")
    visitor = Client()
    assert "Wpis przed zmianą" in visitor.get("/aktualnosci/").text
    monkeypatch.setattr(time, "sleep", lambda seconds: pytest.fail("a request waited to make a change visible"))
    client.force_login(alice)
    post = Post.objects.get()
    response = client.post(
        f"/admin/news/post/{post.pk}/change/",
        {**_admin_form(post), "title": "Wpis po zmianie"},
    )
    assert response.status_code == 302
    page = visitor.get("/aktualnosci/")
    assert page["X-Page-Cache"] == "miss"
    assert "Wpis po zmianie" in page.text


def _admin_form(post):
    return {
        "title": post.title,
        "slug": post.slug,
        "category": post.category_id,
        "lead": post.lead,
        "body": post.body,
        "status": post.status,
        "published_at_0": timezone.localtime(post.published_at).strftime("%d.%m.%Y"),
        "published_at_1": timezone.localtime(post.published_at).strftime("%H:%M"),
    }


def test_an_edit_shows_on_the_next_request(client, make_post, django_capture_on_commit_callbacks):
    post = make_post(title="Stary tytuł")
    client.get("/aktualnosci/")
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Nowy tytuł"
        post.save()
    response = client.get("/aktualnosci/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nowy tytuł" in response.text


def test_bulk_actions_in_admin_invalidate_too(client, alice, make_post, django_capture_on_commit_callbacks):
    post = make_post(title="Wpis do cofnięcia")
    visitor = Client()
    assert "Wpis do cofnięcia" in visitor.get("/aktualnosci/").text
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)  # like an admin action
        client.post("/admin/news/post/", {"action": "delete_selected", "_selected_action": [], "index": 0})
    assert "Wpis do cofnięcia" not in visitor.get("/aktualnosci/").text


def test_scheduled_post_appears_at_its_time(client, make_post):
    make_post(title="Zaplanowany", published_at=timezone.now() + datetime.timedelta(hours=2))
    assert "Zaplanowany" not in client.get("/aktualnosci/").text
    with time_machine.travel(datetime.timedelta(hours=2, seconds=1)):
        assert "Zaplanowany" in client.get("/aktualnosci/").text


def test_each_visitor_gets_their_own_csrf_token(make_post):
    make_post()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get("/aktualnosci/")
    page = second.get("/aktualnosci/")
    assert page["X-Page-Cache"] == "hit"
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = second.post("/ciasteczka/", {"csrfmiddlewaretoken": token, "next": "/aktualnosci/"})
    assert response.status_code == 302


def test_logged_in_users_and_pending_messages_bypass_the_cache(client, bob, make_post):
    make_post()
    client.get("/aktualnosci/")
    client.force_login(bob)
    assert "X-Page-Cache" not in client.get("/aktualnosci/")


def test_conditional_get_answers_304_until_something_changes(client, make_post, django_capture_on_commit_callbacks):
    post = make_post()
    first = client.get("/aktualnosci/")
    again = client.get("/aktualnosci/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Zmieniony"
        post.save()
    assert client.get("/aktualnosci/", headers={"if-none-match": first["ETag"]}).status_code == 200


@pytest.mark.system  # another process (manage.py shell) saves
@pytest.mark.django_db(transaction=True)
def test_an_edit_in_another_process_shows_on_the_next_request(client, make_post, settings):
    post = make_post(title="Tytuł przed zmianą")
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "miss"
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "hit"
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "DEBUG": "1",
    }
    script = f"from news.models import Post; p = Post.objects.get(pk={post.pk}); p.title = 'Tytuł po zmianie'; p.save()"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], env=env, check=True, cwd=django_settings.BASE_DIR
    )
    response = client.get("/aktualnosci/")
    assert response["X-Page-Cache"] == "miss"
    assert "Tytuł po zmianie" in response.text


def test_cached_pages_keep_the_security_headers(client, make_post):
    make_post()
    first = client.get("/aktualnosci/")
    hit = client.get("/aktualnosci/")
    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "X-Frame-Options",
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Content-Type",
    ):
        assert hit[header] == first[header], header


def test_a_new_release_never_serves_pages_of_the_old_one(client, make_post, monkeypatch):
    make_post()
    client.get("/aktualnosci/")
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr("pagecache.middleware.release", lambda: "next-release")
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "miss"


def test_a_hit_still_refuses_unknown_hosts_and_redirects_to_https(client, make_post, settings):
    make_post()
    client.get("/aktualnosci/")
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "hit"
    assert client.get("/aktualnosci/", headers={"host": "evil.example"}).status_code == 400
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/aktualnosci/")  # a new handler reads the setting
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/aktualnosci/"


def test_a_first_visit_served_from_the_cache_gets_a_csrf_cookie(make_post):
    make_post()
    Client().get("/aktualnosci/")
    newcomer = Client(enforce_csrf_checks=True)
    page = newcomer.get("/aktualnosci/")
    assert page["X-Page-Cache"] == "hit"
    assert "csrftoken" in page.cookies
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert newcomer.post("/ciasteczka/", {"csrfmiddlewaretoken": token}).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_connection_that_died_behind_our_back_is_replaced_on_a_hit(client, make_post, settings):
    make_post(title="Wpis po restarcie bazy")
    client.get("/aktualnosci/")
    connection.ensure_connection()
    connection.connection.close()  # as a database restart leaves a kept-alive connection
    response = client.get("/aktualnosci/")
    assert response.status_code == 200
    assert "Wpis po restarcie bazy" in response.text
    assert connection.is_usable()


def test_a_returning_visitor_gets_a_fresh_mask_of_their_own_secret_on_each_hit(make_post):
    make_post()
    Client().get("/aktualnosci/")
    visitor = Client(enforce_csrf_checks=True)
    secret = visitor.get("/aktualnosci/").cookies["csrftoken"].value  # the first visit sets the cookie
    tokens = []
    for _ in range(2):
        page = visitor.get("/aktualnosci/")
        assert page["X-Page-Cache"] == "hit"
        # Django's get_token() sends the cookie again, as on any page with a form: the same secret.
        assert "csrftoken" not in page.cookies or page.cookies["csrftoken"].value == secret
        tokens.append(page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0])
    assert tokens[0] != tokens[1]
    for token in tokens:
        assert visitor.post("/ciasteczka/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert visitor.post("/ciasteczka/", {"csrfmiddlewaretoken": tokens[0][::-1]}).status_code == 403


@pytest.mark.django_db(transaction=True)
@pytest.mark.system
def test_a_vote_shows_in_every_gunicorn_worker_on_the_next_request(make_post):
    """The real thing: three gunicorn workers serve the page from their caches to readers
    coming at once; one reader rates the post; every request after that shows the new rating."""
    post = make_post(title="Wpis do oceny")
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "DEBUG": "1",
        "WEB_CONCURRENCY": "3",
        "PAGECACHE_ENABLED": "1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # gunicorn serves a socket that listens from the start: the first request waits in its queue.
    listener = socket.create_server(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    gunicorn = subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "partnerstwo.wsgi",
            "--bind",
            f"fd://{listener.fileno()}",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        pass_fds=[listener.fileno()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = base + post.get_absolute_url()

    def read_page(opener=None, timeout=10):
        with (opener or urllib.request.build_opener()).open(page, timeout=timeout) as response:
            return response.headers["X-Page-Cache"], response.read().decode()

    try:
        read_page(timeout=60)  # answered once a worker is up; stored
        with ThreadPoolExecutor(6) as readers:
            seen = list(readers.map(lambda _: read_page(), range(30)))
        assert {status for status, _ in seen} == {"hit"}  # rendered once, while waiting for the start
        assert all("Brak ocen" in text for _, text in seen)

        reader = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        form = read_page(reader)[1]
        token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "value": "4"}).encode()
        reader.open(urllib.request.Request(page + "ocena/", data=data, headers={"Referer": page}), timeout=10)

        with ThreadPoolExecutor(6) as readers:
            after = list(readers.map(lambda _: read_page(), range(30)))
        assert all("4,0 / 5" in text and "1 ocena" in text for _, text in after)
        assert {status for status, _ in after} == {"miss", "hit"}  # rendered afresh, then cached again
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        listener.close()


def test_a_page_stored_over_http_is_not_replayed_over_https(client, make_post, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    make_post()
    client.get("/aktualnosci/")
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "hit"
    secure = client.get("/aktualnosci/", secure=True)
    assert secure["X-Page-Cache"] == "miss"  # its own entry, with the headers of an HTTPS answer
    assert secure["Strict-Transport-Security"].startswith("max-age=3600")
    assert client.get("/aktualnosci/", secure=True)["Strict-Transport-Security"].startswith("max-age=3600")


def test_a_very_long_post_address_answers_404_and_stores_nothing_long(client, db):
    response = client.get("/aktualnosci/" + "a" * 300 + "/")
    assert response.status_code == 404
    assert client.get("/aktualnosci/" + "ą" * 2000 + "/").status_code == 404
