"""PostgreSQL goes away: every page answers a Polish 503 instead of hanging,
/health/ says so, and the portal recovers by itself when the server is back."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client


@pytest.fixture
def database_away(transactional_db):
    """Point the connection at a socket folder where no server listens, then back."""
    saved = connection.settings_dict["HOST"], connection.settings_dict["OPTIONS"].get("host")
    connection.close()
    connection.settings_dict["HOST"] = connection.settings_dict["OPTIONS"]["host"] = "/nonexistent/partnerstwo-db"
    yield
    connection.close()
    connection.settings_dict["HOST"], connection.settings_dict["OPTIONS"]["host"] = saved
    if saved[1] is None:
        del connection.settings_dict["OPTIONS"]["host"]


def test_health_reports_a_working_database(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}
    assert "no-cache" in response["Cache-Control"]


PAGES = ["/", "/aktualnosci/", "/aktualnosci/jakis-wpis/", "/polityka-prywatnosci/", "/partnerstwo/cele/"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_a_polish_503_when_the_database_is_away(database_away, url):
    response = Client().get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Portal chwilowo niedostępny" in response.text
    assert '<a class="skip-link" href="#tresc">' in response.text  # the site's own layout
    assert "Traceback" not in response.text
    assert "Content-Security-Policy" in response


def test_a_form_post_answers_503_too(database_away):
    # The request limit reads the cache table before any view runs.
    response = Client(raise_request_exception=False).post("/ciasteczka/", {"next": "/"})
    assert response.status_code == 503
    assert "Portal chwilowo niedostępny" in response.text


def test_a_page_already_cached_still_answers_while_the_database_is_away(transactional_db, client, make_post, settings):
    make_post(title="Wiosenne spotkanie partnerów")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    saved = connection.settings_dict["HOST"], connection.settings_dict["OPTIONS"].get("host")
    connection.close()
    connection.settings_dict["HOST"] = connection.settings_dict["OPTIONS"]["host"] = "/nonexistent/partnerstwo-db"
    try:
        response = Client().get("/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "offline"
        assert "Wiosenne spotkanie partnerów" in response.text
        assert "Content-Security-Policy" in response
        uncached = Client().get("/aktualnosci/")
        assert uncached.status_code == 503
        assert "Portal chwilowo niedostępny" in uncached.text
    finally:
        connection.close()
        connection.settings_dict["HOST"], connection.settings_dict["OPTIONS"]["host"] = saved
        if saved[1] is None:
            del connection.settings_dict["OPTIONS"]["host"]


def test_health_reports_the_database_away(database_away):
    response = Client().get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable"}


def test_the_503_page_needs_no_database(client, db, django_assert_num_queries):
    from django.db import OperationalError
    from django.test import RequestFactory

    from pages.views import database_unavailable

    with django_assert_num_queries(0):
        response = database_unavailable(RequestFactory().get("/"), OperationalError("server closed the connection"))
    assert response.status_code == 503


# The real thing: gunicorn on a PostgreSQL server of its own, stopped and
# started again. A separate data folder keeps the suite's server (and other
# pytest-xdist workers) untouched.


def _get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@contextlib.contextmanager
def portal_on_its_own_database(workers):
    """gunicorn with ``workers`` workers on a PostgreSQL server of its own; yields (address, db command)."""
    data_dir = tempfile.mkdtemp(prefix="outage-", dir=settings.DATA_DIR)
    env = {**os.environ, "DATA_DIR": data_dir, "DEBUG": "1", "WEB_CONCURRENCY": str(workers)}
    env.pop("DATABASE_URL", None)  # the embedded server in data_dir
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage = [sys.executable, "manage.py"]
    # gunicorn serves a socket that listens from the start: no port race, and a request made
    # before the workers are up waits in the queue instead of being refused.
    listener = socket.create_server(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    run = dict(cwd=settings.BASE_DIR, env=env, check=True, capture_output=True, timeout=120)

    def db(action):
        subprocess.run([sys.executable, "-m", "partnerstwo.db", action], **run)

    gunicorn = None
    try:
        db("start")  # settings only point at it
        subprocess.run([*manage, "migrate", "--no-input"], **run)
        subprocess.run([*manage, "createcachetable"], **run)
        gunicorn = subprocess.Popen(
            [
                os.path.join(os.path.dirname(sys.executable), "gunicorn"),
                "partnerstwo.wsgi",
                "--bind",
                f"fd://{listener.fileno()}",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            pass_fds=[listener.fileno()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert _get(base + "/health/", timeout=60)[0] == 200  # answered once a worker is up
        yield base, db
        assert gunicorn.poll() is None  # never restarted
    finally:
        if gunicorn:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        listener.close()
        subprocess.run(
            [sys.executable, "-m", "partnerstwo.db", "stop"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.mark.system
def test_gunicorn_survives_the_database_stopping_and_starting():
    with portal_on_its_own_database(workers=2) as (base, db):
        assert _get(base + "/")[0] == 200

        db("stop")
        for url in ["/aktualnosci/", "/health/", "/aktualnosci/", "/dane/"]:  # both workers
            status, body = _get(base + url)  # an answer, not a hang (_get gives up after 10 s)
            assert status == 503, url
            if url == "/health/":
                assert json.loads(body) == {"database": "unavailable"}
            else:
                assert "Portal chwilowo niedostępny" in body

        db("start")
        statuses = [_get(base + url)[0] for url in ["/", "/aktualnosci/", "/health/"] * 3]
        assert statuses == [200] * 9


def _page(url, data=None):
    request = urllib.request.Request(url, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("X-Page-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache"), error.read().decode()


@pytest.mark.system
def test_cached_pages_keep_answering_while_the_database_is_stopped():
    with portal_on_its_own_database(workers=1) as (base, db):
        assert _page(base + "/")[:2] == (200, "miss")
        assert _page(base + "/")[:2] == (200, "hit")

        db("stop")
        for _ in range(3):
            status, label, body = _page(base + "/")
            assert (status, label) == (200, "offline")
            assert "Partnerstwo Lokalne" in body
        status, _, body = _page(base + "/aktualnosci/")  # never cached
        assert status == 503 and "Portal chwilowo niedostępny" in body
        status, _, body = _page(base + "/ciasteczka/", data=b"next=/")  # a form
        assert status == 503 and "Portal chwilowo niedostępny" in body

        db("start")
        assert [_page(base + url)[0] for url in ["/", "/aktualnosci/", "/health/"]] == [200, 200, 200]
