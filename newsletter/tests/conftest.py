"""Factories and helpers of the newsletter tests."""

import itertools

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

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


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run the queued background tasks the way `manage.py db_worker` does, until the queue is empty."""
    # The worker closes connections between tasks; the test's transaction must stay open.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run(worker_id="test-worker"):
        Worker(
            queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
            max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
        ).run()

    return run


def recipients(outbox=None):
    return sorted(address for message in (outbox if outbox is not None else mail.outbox) for address in message.to)
