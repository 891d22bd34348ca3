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
