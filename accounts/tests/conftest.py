import pytest
from allauth.account.models import EmailAddress


@pytest.fixture
def verified(db):
    """Give a user the verified, primary e-mail address allauth wants before it lets them in."""

    def verify(user):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return verify


@pytest.fixture
def staff(alice, verified):
    """alice, staff and superuser, who can log in through allauth."""
    return verified(alice)


@pytest.fixture
def reader(bob, verified):
    """bob, a reader with a verified address."""
    return verified(bob)
