"""A counted view costs the same queries with 1 item or 30, and the count shown costs none.

The page itself runs what tests/test_query_budget.py allows (its robot-less test client is not
counted). Counting adds one statement: the day's row inserted, or its count grown by one
(stats/counter.py; the content type comes from Django's cache).
"""

import pytest

# The counted view: one INSERT … ON CONFLICT DO UPDATE of the item's row of the day.
COUNTING = 1
# What each page runs rendered afresh (news, pages and meetings tests pin the same numbers; posts
# and pages prefetch their attachments).
PAGE_QUERIES = {"post": 9, "page": 5, "meeting": 7}


@pytest.mark.parametrize("kind", ["post", "page", "meeting"])
@pytest.mark.parametrize("count", [1, 30])
def test_a_counted_view_runs_a_constant_number_of_queries(
    kind, count, reader, make_post, make_page, make_meeting, django_assert_num_queries, cold_render
):
    make = {
        "post": make_post,
        "page": lambda n: make_page(title=f"Strona {n}", slug=f"strona-{n}"),
        "meeting": lambda n: make_meeting(title=f"Spotkanie {n}", slug=f"spotkanie-{n}"),
    }[kind]
    items = [make(n) if kind != "post" else make() for n in range(count)]
    item = items[len(items) // 2]
    reader.get(item.get_absolute_url())  # one-off look-ups, and the day's row exists
    with django_assert_num_queries(PAGE_QUERIES[kind]):
        reader.get(item.get_absolute_url(), HTTP_USER_AGENT="")  # a robot: not counted
    with django_assert_num_queries(PAGE_QUERIES[kind] + COUNTING):
        reader.get(item.get_absolute_url())
