"""A date no calendar holds in an admin list's address (?created_at__year=99999) is an incorrect
lookup: the list without filters and Django's ?e=1 notice, never a 500."""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

IMPOSSIBLE = [
    ("year", "99999"),
    ("year", "0"),
    ("year", "-1"),
    ("year", "1" + "0" * 30),
    ("month", "13"),
    ("month", "1" + "0" * 30),
    ("day", "40"),
    ("iso_year", "99999"),
    ("year__gt", "99999"),
    ("year__lte", "1" + "0" * 30),
]


@pytest.fixture
def superuser_client(client, alice):
    client.force_login(alice)
    client.raise_request_exception = False
    return client


def test_a_year_out_of_range_sends_the_post_list_back_without_filters(superuser_client, make_post):
    make_post()
    response = superuser_client.get("/admin/news/post/?created_at__year=99999")
    assert response.status_code == 302
    assert response["Location"] == "/admin/news/post/?e=1"
    assert superuser_client.get(response["Location"]).status_code == 200


def test_a_year_out_of_range_in_the_date_hierarchy_is_refused_as_well(superuser_client, make_post):
    make_post()
    response = superuser_client.get("/admin/news/post/?published_at__year=99999&published_at__month=13")
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


@pytest.mark.sweep
def test_no_admin_list_answers_an_impossible_date_with_a_500(superuser_client, every_model):
    failures = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        names = [f.name for f in opts.get_fields() if isinstance(f, (models.DateField, models.DateTimeField))]
        if model_admin.date_hierarchy:
            names.append(model_admin.date_hierarchy)
        for name in dict.fromkeys(names):
            for part, value in IMPOSSIBLE:
                response = superuser_client.get(f"{url}?{name}__{part}={value}")
                if response.status_code >= 500:
                    failures.append(f"{url}?{name}__{part}={value}: {response.status_code}")
    assert not failures, "\n".join(failures)
