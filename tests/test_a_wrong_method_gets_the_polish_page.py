"""Every address that only takes forms answers a GET with the Polish 405 page and a way back.

The addresses come from the URL configuration (tests/urlmap.py), so a new POST-only view is
covered as soon as it exists; the browser would otherwise show its own English error page.
"""

import re

import pytest
from django.test import Client

from news.models import Category, Post
from tests.urlmap import site_urls

# The generic admin pages of each model answer GET with a page of their own.
_MODEL_ADMIN_VIEW = re.compile(r"^[a-z_]+_(add|change|delete|history|changelist)$")
HEADING = "<h1>Tego adresu nie można otworzyć</h1>"


@pytest.fixture
def sample_post(db):
    category = Category.objects.create(name="Przykład", slug="przyklad")
    return Post.objects.create(
        title="Przykład", slug="przyklad", category=category, body="<p>Treść</p>", status=Post.Status.PUBLISHED
    )


def assert_polish_405(response, where):
    assert response.status_code == 405, where
    html = response.text
    assert HEADING in html, where
    assert '<html lang="pl">' in html and '<a href="/">Przejdź do strony głównej</a>' in html, where
    assert response["Allow"], where
    assert response["Cache-Control"] == "no-store", where


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_every_post_only_address_answers_get_with_the_polish_page(sample_post, django_user_model, who):
    client = Client()
    if who == "staff":
        client.force_login(django_user_model.objects.create(username="r@pup.example", is_staff=True, is_superuser=True))
    refused = set()
    for url, name in site_urls():
        if _MODEL_ADMIN_VIEW.match(name):
            continue
        response = client.get(url)
        if response.status_code == 405:
            assert_polish_405(response, f"GET {url} ({name})")
            refused.add(name)
    # The ones a resident meets: the comment and rating of a post, the undo of an unsubscribe.
    assert {"add_comment", "rate", "restore"} <= refused, refused


def test_the_way_back_leads_to_the_page_with_the_form(client, sample_post):
    response = client.get("/aktualnosci/przyklad/komentarze/")
    assert_polish_405(response, "comment")
    assert '<a href="/aktualnosci/przyklad/">Przejdź do strony z formularzem</a>' in response.text
    assert "POST" in response["Allow"]

    response = client.get("/newsletter/wypisz/abc-123/cofnij/")
    assert '<a href="/newsletter/wypisz/abc-123/">Przejdź do strony z formularzem</a>' in response.text


def test_a_wrong_method_on_a_page_gets_it_too(client, sample_post):
    response = client.delete("/aktualnosci/przyklad/ocena/")
    assert_polish_405(response, "DELETE rating")
