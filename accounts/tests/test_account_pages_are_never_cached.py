"""A reader's account pages are theirs alone: no shared cache or browser history keeps them."""

import pytest
from django.utils.cache import get_max_age

from tests.urlmap import site_urls


def _kept_nowhere(response):
    directives = {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives and get_max_age(response) == 0


@pytest.mark.parametrize("url", ["/konto/", "/konto/moje-dane.json", "/konto/usun/"])
def test_the_readers_own_pages_say_private_no_store(client, bob, url):
    client.force_login(bob)
    response = client.get(url)
    assert response.status_code == 200
    assert _kept_nowhere(response), response.get("Cache-Control")


@pytest.mark.sweep
def test_every_account_address_says_private_no_store(client, bob):
    client.force_login(bob)
    urls = [url for url, _name in site_urls() if url.startswith("/konto/")]
    assert len(urls) > 10  # our pages and allauth's
    cached = []
    for url in urls:
        response = client.get(url)
        if not _kept_nowhere(response):
            cached.append(f"{url} {response.status_code}: {response.get('Cache-Control')!r}")
    assert not cached, "\n".join(cached)
