"""Staff schedule a newsletter issue for a time; the worker sends it when it is due."""

import datetime

import time_machine
from django.core.management import call_command
from django.utils import timezone

from core.templatetags.pl import pl_datetime
from newsletter.models import Issue
from newsletter.tests.conftest import recipients


def local_input(when):
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


def worker_loop(run_worker):
    """One round of bin/worker.d/newsletter, then the task worker."""
    call_command("newsletter_notify_posts", stdout=open("/dev/null", "w"))
    run_worker()


def test_staff_schedule_an_issue_and_it_goes_out_when_due(
    client, alice, make_issue, make_subscriber, mailoutbox, run_worker
):
    make_subscriber(email="ala@example.com")
    make_subscriber(email="olek@example.com")
    issue = make_issue(subject="Wydanie grudniowe")
    when = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    client.force_login(alice)

    change = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert "Zaplanuj wysyłkę…" in change
    page = client.get(f"/admin/newsletter/issue/{issue.pk}/zaplanuj/").text
    assert "Zaplanować wysyłkę?" in page and "dziś do 2 subskrybentów" in page
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/zaplanuj/", {"when": local_input(when)}, follow=True)
    assert f"Zaplanowano wysyłkę „Wydanie grudniowe” na {pl_datetime(timezone.localtime(when))}." in response.text
    assert f"Zaplanowana na {pl_datetime(timezone.localtime(when))}" in response.text
    assert "Odwołaj zaplanowaną wysyłkę" in response.text
    issue.refresh_from_db()
    assert (issue.status, issue.scheduled_for) == (Issue.Status.SCHEDULED, when)

    worker_loop(run_worker)
    assert mailoutbox == []
    with time_machine.travel(when - datetime.timedelta(minutes=1)):
        worker_loop(run_worker)
    assert mailoutbox == []
    with time_machine.travel(when + datetime.timedelta(seconds=30)):
        worker_loop(run_worker)
        worker_loop(run_worker)  # the next round sends nothing twice
    assert recipients() == ["ala@example.com", "olek@example.com"]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_time_in_the_past_or_garbage_is_refused_in_polish(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    url = f"/admin/newsletter/issue/{issue.pk}/zaplanuj/"
    past = client.post(url, {"when": local_input(timezone.now() - datetime.timedelta(hours=1))})
    assert past.status_code == 400
    assert "Ten termin już minął: podaj datę i godzinę w przyszłości." in past.text
    assert "Podaj datę i godzinę, np." in client.post(url, {"when": "jutro rano"}).text
    assert "Podaj datę i godzinę wysyłki." in client.post(url, {"when": ""}).text
    far = client.post(url, {"when": local_input(timezone.now() + datetime.timedelta(days=400))})
    assert "najwyżej rok naprzód" in far.text
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_staff_call_off_a_scheduled_issue_and_can_edit_it_again(
    client, alice, make_issue, make_subscriber, mailoutbox, run_worker
):
    make_subscriber()
    issue = make_issue()
    when = timezone.now() + datetime.timedelta(hours=3)
    client.force_login(alice)
    client.post(f"/admin/newsletter/issue/{issue.pk}/zaplanuj/", {"when": local_input(when)})
    change_page = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert "Odwołaj zaplanowaną wysyłkę…" in change_page
    # The link asks first: nothing is called off until staff confirm.
    question = client.get(f"/admin/newsletter/issue/{issue.pk}/odwolaj/")
    assert question.status_code == 200
    assert "Odwołać zaplanowaną wysyłkę?" in question.text
    assert f"jest zaplanowana na {pl_datetime(timezone.localtime(when))}" in question.text
    assert "Tak, odwołaj wysyłkę" in question.text and "Nie, wróć" in question.text
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SCHEDULED
    response = client.post(f"/admin/newsletter/issue/{issue.pk}/odwolaj/", follow=True)
    assert "Odwołano zaplanowaną wysyłkę" in response.text
    assert "Zaplanuj wysyłkę…" in response.text
    issue.refresh_from_db()
    assert (issue.status, issue.scheduled_for) == (Issue.Status.DRAFT, None)
    with time_machine.travel(when + datetime.timedelta(hours=1)):
        worker_loop(run_worker)
    assert mailoutbox == []


def test_a_scheduled_issue_cannot_be_scheduled_twice_or_edited(client, alice, make_issue):
    issue = make_issue(subject="Przed zmianą")
    client.force_login(alice)
    url = f"/admin/newsletter/issue/{issue.pk}/zaplanuj/"
    client.post(url, {"when": local_input(timezone.now() + datetime.timedelta(hours=3))})
    again = client.post(url, {"when": local_input(timezone.now() + datetime.timedelta(hours=5))}, follow=True)
    assert "Tę wysyłkę już zlecono albo zaplanowano." in again.text
    client.post(f"/admin/newsletter/issue/{issue.pk}/change/", {"subject": "Po zmianie", "body": "<p>x</p>"})
    issue.refresh_from_db()
    assert issue.subject == "Przed zmianą"


def test_asking_to_call_off_what_is_not_scheduled_says_why_and_changes_nothing(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    response = client.get(f"/admin/newsletter/issue/{issue.pk}/odwolaj/", follow=True)
    assert "Tej wysyłki nie można już odwołać (status: szkic)." in response.text
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_a_scheduled_issue_shows_its_body_as_subscribers_read_it(client, alice, make_issue):
    issue = make_issue(body="<h2>Forum</h2><ul><li>podsumowanie</li></ul>")
    client.force_login(alice)
    client.post(
        f"/admin/newsletter/issue/{issue.pk}/zaplanuj/",
        {"when": local_input(timezone.now() + datetime.timedelta(hours=3))},
    )
    page = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert '<div class="newsletter-body"><h2>Forum</h2><ul><li>podsumowanie</li></ul></div>' in page
    assert "&lt;h2&gt;" not in page
