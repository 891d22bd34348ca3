import itertools

import pytest
from allauth.account.models import EmailAddress

from news.models import Comment

_seq = itertools.count(1)


@pytest.fixture
def make_reader(db, django_user_model):
    """A resident with a verified e-mail address, as allauth leaves them after sign-up."""

    def make(email=None, **fields):
        email = email or f"czytelnik{next(_seq)}@example.com"
        user = django_user_model.objects.create_user(
            username=email, email=email, password="haslo-czytelnika-1", **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def carol(make_reader):
    """A verified reader who has not commented yet."""
    return make_reader("carol@example.com", first_name="Karolina")


@pytest.fixture
def make_comment(db):
    def make(post, user, body="Dobry wpis.", status=Comment.Status.APPROVED, **fields):
        fields.setdefault("author_name", user.first_name or "Czytelnik")
        return Comment.objects.create(post=post, user=user, body=body, status=status, **fields)

    return make


# Approval before publishing (news/review.py): a person who writes posts, one who publishes them.


@pytest.fixture
def writer(staff_in_role):
    """Staff in the role that writes posts and sends them for approval."""
    from accounts.roles import AUTHOR

    user = staff_in_role(AUTHOR, email="autorka@pup.example")
    user.first_name, user.last_name = "Ewa", "Piszczek"
    user.save()
    return user


@pytest.fixture
def editor(staff_in_role):
    """A Redaktor, who may publish and so approves posts."""
    from accounts.roles import REDAKTOR

    return staff_in_role(REDAKTOR, email="redakcja@pup.example")


@pytest.fixture
def waiting_post(make_post, writer):
    """A post the writer sent for approval."""
    from news.models import Post

    return make_post(title="Nabór do projektu", status=Post.Status.SUBMITTED, author=writer, submitted_by=writer)
