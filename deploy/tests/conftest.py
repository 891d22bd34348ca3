"""The running stack (deploy/stack.py) for the tests of this folder."""

import pytest
from allauth.account.models import EmailAddress

from conftest import test_database_url
from deploy.stack import Stack
from deploy.tests.client import STAFF_EMAIL, STAFF_PASSWORD


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("static")


@pytest.fixture
def stack(transactional_db, static_root, tmp_path):
    # A stack per test: a flush between tests gives content types new ids, which
    # long-running instances would still have cached.
    # Staff here sign in with a password only; two-factor is tested in accounts/tests.
    with Stack(
        test_database_url(), env={"MFA_REQUIRED_FOR_STAFF": "0"}, root=tmp_path, static_root=static_root
    ) as running:
        yield running
        print(running.log_tails())  # shown with a failing test's report


@pytest.fixture(scope="module")
def site_stack(django_db_setup, django_db_blocker, static_root, tmp_path_factory):
    """One stack for tests that only read (no flush between them matters)."""
    with django_db_blocker.unblock():
        url = test_database_url()
    with Stack(url, root=tmp_path_factory.mktemp("stack"), static_root=static_root) as running:
        yield running
        print(running.log_tails())


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user(
        username=STAFF_EMAIL, email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True, is_superuser=True
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
