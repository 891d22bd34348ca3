"""A staff notice goes to the people whose role can act on it, and its link opens a page they may see."""

import pytest
from django.core import mail

from accounts.roles import ADMINISTRATOR, MODERATOR, REDAKTOR
from members.models import AccessionRequest
from members.notify import accession_received
from news.models import Comment


@pytest.fixture
def team(settings, staff_in_role):
    settings.STAFF_NOTIFY_EMAILS = []
    return {role: staff_in_role(role) for role in (REDAKTOR, MODERATOR, ADMINISTRATOR)}


@pytest.fixture
def carol(bob):
    """A reader with a verified address, who may comment."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    return bob


def _link(body):
    return next(word for word in body.split() if "/admin/" in word).removeprefix("http://127.0.0.1:8000")


def test_a_comment_waiting_for_moderation_is_told_to_moderators_and_administrators_only(
    client, team, make_post, carol, in_background
):
    client.force_login(carol)
    with in_background():
        client.post(f"{make_post().get_absolute_url()}komentarze/", {"author_name": "Karolina", "body": "Pytanie."})
    [notice] = mail.outbox
    assert notice.to == ["administrator@pup.example", "moderator@pup.example"]
    assert Comment.objects.get().status == Comment.Status.PENDING

    client.force_login(team[MODERATOR])
    assert client.get(_link(notice.body)).status_code == 200


def test_an_accession_request_is_told_to_those_who_decide_requests(client, team, in_background):
    req = AccessionRequest.objects.create(
        institution_name="Cech Rzemiosł Różnych",
        kind="pracodawca",
        gmina="zakroczym",
        contact_name="Jan Przykładowy",
        email="jan@example.org",
        consent=True,
    )
    with in_background():
        accession_received(req)
    notice = next(m for m in mail.outbox if "jan@example.org" not in m.to)
    assert notice.to == ["administrator@pup.example", "moderator@pup.example"]

    for role in (MODERATOR, ADMINISTRATOR):
        client.force_login(team[role])
        assert client.get(_link(notice.body)).status_code == 200
    client.force_login(team[REDAKTOR])
    assert client.get(_link(notice.body)).status_code == 403


def test_an_inactive_moderator_is_not_told(client, team, make_post, carol, in_background):
    team[MODERATOR].is_active = False
    team[MODERATOR].save()
    client.force_login(carol)
    with in_background():
        client.post(f"{make_post().get_absolute_url()}komentarze/", {"author_name": "Karolina", "body": "Pytanie."})
    assert mail.outbox[0].to == ["administrator@pup.example"]
