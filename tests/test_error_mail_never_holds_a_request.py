"""A request never waits for the SMTP server: a foreign Host is refused at once and mails
nobody, and an error report is queued for the task worker instead of sent inline."""

import io
import logging
import smtplib

import pytest
from django.test import Client
from django.urls import path
from django_tasks_db.models import DBTaskResult


def _broken_view(request):
    raise RuntimeError("Awaria do zgłoszenia")


urlpatterns = [path("awaria/", _broken_view)]
handler500 = "pages.views.server_error"


@pytest.fixture
def slow_smtp(settings, hung_mail_server):
    settings.ADMINS = ["informatyk@pup.example"]
    return hung_mail_server


def test_a_foreign_host_gets_400_and_mails_nobody(db, slow_smtp):
    response = Client().get("/", HTTP_HOST="zly-host.example")
    assert response.status_code == 400
    assert slow_smtp.connections() == 0
    assert not DBTaskResult.objects.exists()


def test_a_foreign_host_is_logged_in_one_line_without_a_traceback(db):
    (handler,) = [h for h in logging.getLogger("django.security.DisallowedHost").handlers if h.filters]
    log = io.StringIO()
    previous = handler.setStream(log)
    try:
        assert Client().get("/", HTTP_HOST="zly-host.example").status_code == 400
    finally:
        handler.setStream(previous)
    assert log.getvalue().count("\n") == 1
    assert "zly-host.example" in log.getvalue()
    assert "Traceback" not in log.getvalue()


def test_a_refusal_is_logged_in_one_line(db, django_user_model, caplog):
    client = Client()
    client.force_login(django_user_model.objects.create(username="szef@pup.example", is_staff=True, is_superuser=True))
    # The home page is one row: nobody may add another.
    assert client.get("/admin/pages/homepage/add/").status_code == 403
    (refusal,) = [record for record in caplog.records if record.name == "django.request"]
    assert refusal.getMessage() == "Forbidden: /admin/pages/homepage/add/"  # the admin's own 403 page
    assert refusal.exc_info is None


@pytest.mark.urls(__name__)
def test_a_server_error_is_logged_with_its_traceback(db, caplog):
    assert Client(raise_request_exception=False).get("/awaria/").status_code == 500
    (error,) = [record for record in caplog.records if record.name == "django.request"]
    assert error.exc_info is not None


@pytest.mark.urls(__name__)
def test_an_error_report_is_queued_not_sent_from_the_request(db, slow_smtp):
    response = Client(raise_request_exception=False).get("/awaria/")
    assert response.status_code == 500
    assert slow_smtp.connections() == 0  # the request never opened a connection to the mail server
    task = DBTaskResult.objects.get()
    assert task.task_path == "core.errormail.send_error_report"
    assert "Awaria do zgłoszenia" in task.args_kwargs["args"][1]


@pytest.mark.urls(__name__)
def test_the_worker_gives_up_on_a_silent_smtp_server_after_its_timeout(db, slow_smtp):
    from core.errormail import send_error_report

    # Without the mailer's timeout the call would wait for the greeting for ever; with it, it
    # gives up and says why, and the task worker moves on to the next task.
    with pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
        send_error_report.call("Błąd", "Treść zgłoszenia")
    assert slow_smtp.connections() == 1
