"""A partner's admin list of posts and its home page run as many queries with 1 post as with 30."""

import pytest

from news.models import Post

# The list: the session, the user and the account's permissions, its institution (one query,
# members/partner_access.py), the count and the page of posts, the date hierarchy, the filters'
# categories, and the page's shared lookups. The home page: the same frame and one query per task
# (its returned posts; its proposal for the institution's page returned for changes; its meetings'
# tasks, in one query).
BUDGET = {"/admin/news/post/": 11, "/admin/": 10}


def add_posts(make_post, institution, n, status=Post.Status.RETURNED):
    for _ in range(n):
        make_post(status=status, institution=institution)


@pytest.mark.parametrize("url", BUDGET)
def test_the_count_does_not_grow_with_the_posts(
    client, make_post, from_nasielsk, nasielsk, czosnow, url, django_assert_num_queries
):
    client.force_login(from_nasielsk)
    add_posts(make_post, nasielsk, 1)
    add_posts(make_post, czosnow, 1)
    client.get(url)  # the first request of a session warms what every request shares
    with django_assert_num_queries(BUDGET[url]):
        assert client.get(url).status_code == 200
    add_posts(make_post, nasielsk, 29)
    add_posts(make_post, czosnow, 29, status=Post.Status.SUBMITTED)
    with django_assert_num_queries(BUDGET[url]):
        assert client.get(url).status_code == 200
