"""The admin's to-do list: posts waiting for approval to who may publish, returned posts to who sent them."""

from accounts.roles import MODERATOR
from adminsite import dashboard
from adminsite.tests.test_staff_see_what_needs_doing import links
from news.models import Post


def test_who_may_publish_sees_the_posts_waiting_and_opens_exactly_them(client, editor, waiting_post, make_post):
    make_post(status=Post.Status.DRAFT)
    make_post(title="Drugi do akceptacji", status=Post.Status.SUBMITTED)
    client.force_login(editor)
    found = links(client.get("/admin/").text)
    assert found["2 wpisy czekają na akceptację"] == "/admin/news/post/?stan=czeka"
    listed = client.get(found["2 wpisy czekają na akceptację"])
    assert "\n2 wpisy\n" in listed.text
    assert "Nabór do projektu" in listed.text and "Drugi do akceptacji" in listed.text


def test_the_writer_sees_their_posts_returned_for_changes(client, writer, make_post, staff_in_role):
    from accounts.roles import AUTHOR

    colleague = staff_in_role(AUTHOR, email="kolega@pup.example")
    make_post(title="Mój do poprawy", status=Post.Status.RETURNED, submitted_by=writer)
    make_post(title="Cudzy do poprawy", status=Post.Status.RETURNED, submitted_by=colleague)
    make_post(title="Czeka", status=Post.Status.SUBMITTED, submitted_by=writer)
    client.force_login(writer)
    found = links(client.get("/admin/").text)
    assert "1 wpis zwrócony do poprawy" in found, found
    assert not any("akceptację" in text for text in found)  # the writer does not approve
    listed = client.get(found["1 wpis zwrócony do poprawy"])
    assert "Mój do poprawy" in listed.text and "Cudzy do poprawy" not in listed.text


def test_the_texts_count_in_polish(writer, make_post):
    for n, text in [(1, "1 wpis zwrócony"), (3, "3 wpisy zwrócone"), (5, "5 wpisów zwróconych")]:
        while Post.objects.filter(status=Post.Status.RETURNED).count() < n:
            make_post(status=Post.Status.RETURNED, submitted_by=writer)
        assert dashboard.posts_in_review(writer).text == f"{text} do poprawy"


def test_who_cannot_see_posts_is_not_asked(staff_in_role, waiting_post, django_assert_num_queries):
    moderator = staff_in_role(MODERATOR)
    moderator.has_perm("news.view_post")  # the permissions are loaded once per request
    with django_assert_num_queries(0):
        assert dashboard.posts_in_review(moderator) is None
