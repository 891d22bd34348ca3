import pytest


def test_a_second_read_served_from_the_page_cache_is_counted(reader, make_post, views_of):
    post = make_post(title="Targi pracy w Nasielsku")
    first = reader.get(post.get_absolute_url())
    second = reader.get(post.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert views_of(post) == 2


@pytest.mark.parametrize("kind", ["page", "meeting"])
def test_pages_and_meetings_are_counted_too(kind, reader, make_page, make_meeting, views_of):
    item = make_page() if kind == "page" else make_meeting()
    for _ in range(3):
        assert reader.get(item.get_absolute_url()).status_code == 200
    assert views_of(item) == 3


def test_each_item_has_a_views_of_its_own(reader, make_post, views_of):
    read, unread = make_post(title="Czytany"), make_post(title="Nieczytany")
    reader.get(read.get_absolute_url())
    assert (views_of(read), views_of(unread)) == (1, 0)


def test_a_resident_with_an_account_is_counted(reader, make_post, bob, views_of):
    post = make_post()
    reader.force_login(bob)
    reader.get(post.get_absolute_url())
    assert views_of(post) == 1


def test_lists_and_the_home_page_count_nothing(reader, make_post, views_of):
    post = make_post()
    reader.get("/")
    reader.get("/aktualnosci/")
    assert views_of(post) == 0
