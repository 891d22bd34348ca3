"""Replies from the public reach one office mailbox, never a staff member's personal address.

Every e-mail to an applicant, a reader or a subscriber carries ``Reply-To: OFFICE_EMAIL``, or the
coordinator's e-mail when that is not set, or no Reply-To at all when neither is known.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from members.models import AccessionRequest
from members.notify import accession_accepted, accession_received, accession_rejected
from news.models import Category, Comment, Post
from news.notify import tell_author
from newsletter.mail import IssueContent, confirmation_message, issue_message, welcome_message
from newsletter.models import ConsentText, Issue, Subscriber
from pages.models import Coordinator

STAFF = ["alice@pup.example", "kierownik@pup.example", "sekretariat@pup.example"]


@pytest.fixture
def staff_everywhere(settings, alice, django_user_model):
    """Staff with personal addresses: the ones a careless Reply-To would give away."""
    django_user_model.objects.create(username="kierownik", email="kierownik@pup.example", is_staff=True)
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]


@pytest.fixture
def applicant(db):
    return AccessionRequest.objects.create(
        institution_name="Cech Rzemiosł Różnych",
        kind="pracodawca",
        gmina="zakroczym",
        contact_name="Jan Przykładowy",
        email="jan@example.org",
        consent=True,
        rejection_reason="Siedziba cechu jest poza powiatem.",
    )


def public_mails(client, applicant, in_background):
    """Every kind of e-mail the portal sends to someone outside the office."""
    subscriber = Subscriber.objects.create(
        email="ewa@example.com",
        consent=ConsentText.current(),
        source="test",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    bob = Subscriber(email="bob@example.com")
    category = Category.objects.create(name="Aktualności", slug="aktualnosci-test")
    post = Post.objects.create(title="Nabór", body="<p>Treść.</p>", category=category, status=Post.Status.PUBLISHED)
    reader = get_user_model().objects.create_user(username="czytelnik@example.net", email="czytelnik@example.net")
    comment = Comment.objects.create(
        post=post, user=reader, author_name="Ola", body="Kiedy?", status=Comment.Status.APPROVED, reply="W marcu."
    )
    with in_background():
        tell_author(comment, approved=True, answered=True)
        accession_received(applicant)
        accession_accepted(applicant)
        accession_rejected(applicant)
        client.post("/konto/haslo/nowe/", {"email": "bob@example.com"})
    issue = Issue.objects.create(subject="Wydanie czerwcowe", body="<p>Treść</p>")
    outgoing = [m for m in mail.outbox if not set(m.to) & set(STAFF)]
    outgoing += [confirmation_message(subscriber), welcome_message(subscriber)]
    outgoing += [issue_message(IssueContent(issue), subscriber), issue_message(IssueContent(issue), bob, test=True)]
    assert len(outgoing) == 9
    return outgoing


def test_every_mail_to_the_public_replies_to_the_office_mailbox(
    client, bob, applicant, staff_everywhere, settings, in_background
):
    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    Coordinator.objects.create(email="koordynator@pup.example")
    for message in public_mails(client, applicant, in_background):
        assert message.reply_to == ["partnerstwo@pup.example"], message.subject
        raw = message.message().as_bytes().decode()
        assert not [address for address in STAFF if address in raw], message.subject


def test_without_the_setting_replies_go_to_the_coordinators_e_mail(
    client, bob, applicant, staff_everywhere, in_background
):
    Coordinator.objects.create(email="koordynator@pup.example")
    for message in public_mails(client, applicant, in_background):
        assert message.reply_to == ["koordynator@pup.example"], message.subject


def test_with_no_office_mailbox_no_mail_has_a_reply_to(client, bob, applicant, staff_everywhere, in_background):
    for message in public_mails(client, applicant, in_background):
        assert message.reply_to == [], message.subject
        assert "Reply-To" not in message.message(), message.subject


def test_a_decision_invites_a_reply_only_when_there_is_an_office_to_read_it(
    applicant, staff_everywhere, settings, in_background
):
    with in_background():
        accession_accepted(applicant)
    assert "wystarczy odpowiedzieć na tę wiadomość" not in mail.outbox[-1].body

    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    with in_background():
        accession_accepted(applicant)
    assert "wystarczy odpowiedzieć na tę wiadomość" in mail.outbox[-1].body
