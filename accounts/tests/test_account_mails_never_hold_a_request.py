"""Account e-mails (password reset, address confirmation) are written in the request and sent by
the task worker: a mail server that accepts connections and never answers costs the visitor nothing."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult


def queued_mail_to():
    return [
        task.args_kwargs["args"][0]["to"]
        for task in DBTaskResult.objects.filter(task_path="core.notify.send_queued_mail")
    ]


@pytest.mark.parametrize("address", ["bob@example.com", "nikt@example.com"], ids=["known", "unknown"])
def test_a_password_reset_answers_at_once_with_a_hung_mail_server(
    client, reader, hung_mail_server, django_capture_on_commit_callbacks, address
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/haslo/nowe/", {"email": address})
    assert response.status_code == 302
    assert hung_mail_server.connections() == 0
    assert queued_mail_to() == [[address]]


def test_signing_up_answers_at_once_with_a_hung_mail_server(
    client, db, hung_mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/konto/zaloz/",
            {"email": "nowa@example.com", "password1": "Dlugie-haslo-2024", "password2": "Dlugie-haslo-2024"},
        )
    assert response.status_code == 302
    assert hung_mail_server.connections() == 0
    assert queued_mail_to() == [["nowa@example.com"]]


def test_the_worker_sends_the_reset_link_written_in_the_request(client, reader, in_background):
    with in_background():
        client.post("/konto/haslo/nowe/", {"email": "bob@example.com"})
    [message] = mail.outbox
    assert message.to == ["bob@example.com"]
    assert message.subject == "[Partnerstwo Lokalne] Nowe hasło do konta"
    assert "http://testserver/konto/haslo/nowe/klucz/" in message.body
    [html] = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert "http://testserver/konto/haslo/nowe/klucz/" in html
