"""Factories and helpers of the newsletter tests."""

import itertools

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone

_seq = itertools.count(1)


class WorkerKilled(BaseException):
    """Stands for SIGKILL: no `except Exception` in the sender catches it."""


class CrashingBackend(LocmemBackend):
    """Delivers ``limit`` e-mails into the test outbox, then the worker "dies"."""

    limit = 0
    delivered = 0

    def send_messages(self, messages):
        for message in messages:
            if CrashingBackend.delivered >= CrashingBackend.limit:
                raise WorkerKilled
            CrashingBackend.delivered += 1
            super().send_messages([message])
        return len(messages)


class FailingBackend(LocmemBackend):
    """A mail server that refuses one address."""

    refused = "odrzucony@example.com"

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                raise ConnectionError("550 skrzynka nie istnieje")
        return super().send_messages(messages)


@pytest.fixture
def crash_after(settings):
    def configure(limit):
        CrashingBackend.limit = limit
        CrashingBackend.delivered = 0
        settings.MAILERS = {"default": {"BACKEND": "newsletter.tests.conftest.CrashingBackend"}}

    return configure


@pytest.fixture
def healthy_mail(settings):
    def restore():
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

    return restore


@pytest.fixture
def make_subscriber(db):
    from newsletter.models import ConsentText, Subscriber

    def make(**fields):
        n = next(_seq)
        fields.setdefault("email", f"czytelnik{n}@example.com")
        fields.setdefault("status", Subscriber.Status.CONFIRMED)
        if fields["status"] == Subscriber.Status.CONFIRMED:
            fields.setdefault("confirmed_at", timezone.now())
        fields.setdefault("consent", ConsentText.current())
        fields.setdefault("source", "test")
        return Subscriber.objects.create(**fields)

    return make


@pytest.fixture
def make_issue(db, alice):
    from newsletter.models import Issue

    def make(**fields):
        fields.setdefault("subject", "Wydanie czerwcowe")
        fields.setdefault("body", '<p>Zapraszamy na <a href="/aktualnosci/">spotkanie</a>.</p>')
        fields.setdefault("created_by", alice)
        return Issue.objects.create(**fields)

    return make


def recipients(outbox=None):
    return sorted(address for message in (outbox if outbox is not None else mail.outbox) for address in message.to)
