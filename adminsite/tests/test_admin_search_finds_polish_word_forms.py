"""Staff search the admin's lists as residents search the site: in any form of a word.

„szkolenie” finds „szkolenia”, „Nowy Dwór” finds „w Nowym Dworze”, drafts and comments included;
the start of a word still finds as Django's own search does, and one search costs the same
number of queries with one row as with many.
"""

import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting
from members.models import Institution
from news.models import Comment, Post
from pages.models import Page


@pytest.fixture
def admin_client_as_alice(client, alice):
    client.force_login(alice)
    return client


def rows(client, url, q):
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [str(obj) for obj in response.context["cl"].result_list]


def test_a_draft_post_is_found_in_another_form_of_its_words(admin_client_as_alice, make_post):
    make_post(title="Bezpłatne szkolenia dla rolników", status=Post.Status.DRAFT)
    make_post(title="Targi pracy", body="<p>Wystawcy w Nowym Dworze Mazowieckim.</p>")
    make_post(title="Festyn rodzinny")
    client = admin_client_as_alice

    assert rows(client, "/admin/news/post/", "szkolenie") == ["Bezpłatne szkolenia dla rolników"]
    assert rows(client, "/admin/news/post/", "Nowy Dwór") == ["Targi pracy"]
    assert rows(client, "/admin/news/post/", "szkol") == ["Bezpłatne szkolenia dla rolników"]  # a word's start
    assert rows(client, "/admin/news/post/", "rolnik szkolenie") == ["Bezpłatne szkolenia dla rolników"]
    assert rows(client, "/admin/news/post/", "rolnik festyn") == []


def test_pages_meetings_institutions_and_comments_are_found_in_other_forms(admin_client_as_alice, make_post, bob):
    client = admin_client_as_alice
    Page.objects.create(title="Staże dla absolwentów", slug="staze", body="<p>Oferty staży w gminach.</p>")
    meeting = Meeting.objects.create(
        title="Spotkanie w Nasielsku",
        date=timezone.localdate() + datetime.timedelta(days=5),
        description="<p>Rozmowa o szkoleniach zawodowych.</p>",
    )
    Institution.objects.create(name="Urząd Miejski w Nowym Dworze Mazowieckim", kind="urzad-gminy", gmina="nowy-dwor")
    Comment.objects.create(post=make_post(), user=bob, author_name="Bob", body="Kiedy ruszą kursy dla bezrobotnych?")

    assert rows(client, "/admin/pages/page/", "staż absolwent") == ["Staże dla absolwentów"]
    assert rows(client, "/admin/meetings/meeting/", "szkolenie") == [str(meeting)]
    assert rows(client, "/admin/meetings/meeting/", "Nasielsk") == [str(meeting)]
    assert rows(client, "/admin/members/institution/", "Nowy Dwór") == ["Urząd Miejski w Nowym Dworze Mazowieckim"]
    assert len(rows(client, "/admin/news/comment/", "kurs bezrobotny")) == 1


def test_a_search_costs_the_same_queries_with_one_row_and_with_many(
    admin_client_as_alice, make_post, django_assert_max_num_queries
):
    make_post(title="Szkolenia z obsługi wózków widłowych")
    with django_assert_max_num_queries(14) as one:
        assert len(rows(admin_client_as_alice, "/admin/news/post/", "szkolenie")) == 1
    for n in range(20):
        make_post(title=f"Szkolenie numer {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(rows(admin_client_as_alice, "/admin/news/post/", "szkolenie")) == 21


@pytest.mark.parametrize("q", ["\x00", "'", "a:*", "!!!", "x" * 500, "szkolenie & | ! ( )", "___"])
def test_odd_queries_list_nothing_or_everything_never_an_error(admin_client_as_alice, make_post, q):
    make_post(title="Szkolenia")
    response = admin_client_as_alice.get("/admin/news/post/", {"q": q})
    assert response.status_code in (200, 302)
