"""Every page below home shows its trail back to the home page, with BreadcrumbList structured data."""

import json
import re

import pytest

from tests.pagetypes import make_page_types


def _breadcrumb_data(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "BreadcrumbList":
            return data
    return None


def test_a_post_shows_news_and_its_category_in_the_trail(client, make_post, category):
    post = make_post(title="Staże w Nasielsku")
    html = client.get(post.get_absolute_url()).content.decode()
    trail = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', html, re.S).group(1)
    names = ["Strona główna", "Aktualności", "Wiadomości", "Staże w Nasielsku"]
    assert re.findall(r">([^<>]+)</(?:a|span)>", trail) == names
    assert '<span aria-current="page">Staże w Nasielsku</span>' in trail
    data = _breadcrumb_data(html)
    assert [item["name"] for item in data["itemListElement"]] == [
        "Strona główna",
        "Aktualności",
        "Wiadomości",
        "Staże w Nasielsku",
    ]
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3, 4]
    assert data["itemListElement"][-1]["item"].endswith(post.get_absolute_url())


def test_the_home_page_has_no_trail(client, db):
    assert 'class="breadcrumbs' not in client.get("/").content.decode()


@pytest.mark.django_db
def test_every_page_type_below_home_has_a_trail(client, make_post, alice, django_user_model):
    pages, reader, _ = make_page_types(make_post, alice, django_user_model)
    missing = []
    for name, url in pages.items():
        if url == "/":
            continue
        if "(zalogowana osoba)" in name:
            client.force_login(reader)
        html = client.get(url).content.decode()
        data = _breadcrumb_data(html)
        if 'class="breadcrumbs' not in html or not data or data["itemListElement"][0]["name"] != "Strona główna":
            missing.append(name)
    assert not missing, f"pages without breadcrumbs: {missing}"
