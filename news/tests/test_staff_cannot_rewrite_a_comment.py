"""A resident's name and words stay theirs: staff hide a comment or answer it, never rewrite it."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import MODERATOR
from news.models import Comment


@pytest.fixture
def moderator(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="moderator@pup.example", email="moderator@pup.example", password="x" * 12, is_staff=True
    )
    user.groups.add(Group.objects.get(name=MODERATOR))
    return user


@pytest.mark.parametrize("who", ["moderator", "alice"])
def test_staff_change_the_status_and_reply_but_not_the_residents_words(
    request, client, who, make_post, carol, make_comment
):
    comment = make_comment(make_post(), carol, body="Moje własne zdanie.", status=Comment.Status.PENDING)
    name = comment.author_name
    client.force_login(request.getfixturevalue(who))
    url = f"/admin/news/comment/{comment.pk}/change/"

    page = client.get(url).text
    assert "Moje własne zdanie." in page
    assert 'name="body"' not in page and 'name="author_name"' not in page

    response = client.post(
        url,
        {
            "author_name": "Ktoś inny",
            "body": "Zdanie, którego mieszkaniec nie napisał.",
            "status": Comment.Status.APPROVED,
            "reply": "Dziękujemy za uwagę.",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.author_name, comment.body) == (name, "Moje własne zdanie.")
    assert (comment.status, comment.reply) == (Comment.Status.APPROVED, "Dziękujemy za uwagę.")
