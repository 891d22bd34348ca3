"""Staff open a request from the notice e-mail, confirm, and get an unpublished institution to complete."""

from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from members.models import AccessionRequest, Institution
from members.notify import accession_received


def test_the_staff_notice_links_to_the_request_page_with_accept_and_reject(
    client, alice, pending_request, in_background
):
    req = pending_request()
    with in_background():
        accession_received(req)
    notice = next(m for m in mail.outbox if alice.email in m.to)
    change_url = f"/admin/members/accessionrequest/{req.pk}/change/"
    assert f"http://127.0.0.1:8000{change_url}" in notice.body
    client.force_login(alice)
    page = client.get(change_url).text
    assert f'href="/admin/members/accessionrequest/{req.pk}/przyjmij/">Przyjmij zgłoszenie…' in page
    assert f'href="/admin/members/accessionrequest/{req.pk}/odrzuc/">Odrzuć zgłoszenie…' in page


def test_accepting_asks_first_and_changes_nothing_until_confirmed(client, alice, pending_request):
    req = pending_request()
    client.force_login(alice)
    page = client.get(f"/admin/members/accessionrequest/{req.pk}/przyjmij/").text
    assert "Przyjąć zgłoszenie?" in page
    assert "<strong>nieopublikowaną</strong>" in page
    assert "Tak, przyjmij zgłoszenie" in page
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING
    assert not Institution.objects.exists() and mail.outbox == []


def test_accepting_creates_an_unpublished_institution_and_tells_the_applicant(
    client, alice, pending_request, settings, in_background
):
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]
    req = pending_request()
    client.force_login(alice)
    with in_background():
        response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/")

    institution = Institution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/members/institution/{institution.pk}/change/"
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.ACCEPTED
    assert (req.decided_by, req.institution) == (alice, institution)
    assert (institution.name, institution.kind, institution.gmina) == (
        "Cech Rzemiosł Różnych",
        "pracodawca",
        "zakroczym",
    )
    assert not institution.is_published
    assert institution.email == "" and institution.phone == ""  # the contact person's data stay private

    [letter] = mail.outbox
    assert letter.to == ["jan@example.org"] and letter.reply_to == []  # no office mailbox set
    assert letter.subject == "Zgłoszenie do Partnerstwa Lokalnego zostało przyjęte"
    assert (
        "instytucji „Cech Rzemiosł Różnych” do Partnerstwa Lokalnego Powiatu Nowodworskiego zostało przyjęte"
        in letter.body
    )

    page = client.get(response["Location"]).text
    assert "Przyjęto zgłoszenie „Cech Rzemiosł Różnych”. Instytucja czeka nieopublikowana" in page
    assert "Wiadomość z decyzją zostanie wysłana na adres jan@example.org w ciągu kilku minut." in page
    assert "Jan Przykładowy, jan@example.org" in page  # the request, for reference


def test_the_new_institution_stays_off_the_site_until_staff_publish_it(
    client, alice, pending_request, django_capture_on_commit_callbacks
):
    req = pending_request()
    client.force_login(alice)
    client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/")
    institution = Institution.objects.get()
    preview = client.get(institution.get_absolute_url())
    assert preview.status_code == 200
    assert "Podgląd: ta instytucja nie jest opublikowana" in preview.text
    client.logout()
    assert "Cech Rzemiosł Różnych" not in client.get("/partnerzy/").text
    assert client.get(institution.get_absolute_url()).status_code == 404
    assert institution.get_absolute_url() not in client.get("/sitemap.xml").text
    assert "Cech" not in client.get("/szukaj/?q=cech").text.split("<main")[1]
    assert "Cech" not in client.get("/dane/instytucje.csv").text

    with django_capture_on_commit_callbacks(execute=True):
        Institution.objects.filter(pk=institution.pk).update(is_published=True)
        institution.refresh_from_db()
        institution.save()  # as the admin does: the search index and the page cache follow the save
    assert "Cech Rzemiosł Różnych" in client.get("/partnerzy/").text
    assert client.get(institution.get_absolute_url()).status_code == 200


def test_a_decided_request_cannot_be_accepted_again(client, alice, pending_request, in_background):
    req = pending_request()
    client.force_login(alice)
    with in_background():
        client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/")
        response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/", follow=True)
    assert "zostało już rozpatrzone: przyjęte" in response.text
    assert Institution.objects.count() == 1 and len(mail.outbox) == 1
    assert "Przyjmij zgłoszenie…" not in response.text


def test_a_request_for_an_existing_institution_is_not_accepted(client, alice, pending_request, make_institution):
    make_institution(name="Cech Rzemiosł Różnych")
    req = pending_request()
    client.force_login(alice)
    response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/", follow=True)
    assert "Nie przyjęto zgłoszenia: instytucja „Cech Rzemiosł Różnych” już istnieje." in response.text
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING and mail.outbox == []


def test_a_hung_mail_server_never_holds_the_decision(
    client, alice, pending_request, hung_mail_server, django_capture_on_commit_callbacks
):
    req = pending_request()
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/", follow=True)
    assert response.status_code == 200
    assert "Wiadomość z decyzją zostanie wysłana na adres jan@example.org w ciągu kilku minut." in response.text
    assert hung_mail_server.connections() == 0  # the request never talked to the mail server
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.ACCEPTED
    task = DBTaskResult.objects.get()
    assert task.task_path == "core.notify.send_queued_mail"
    assert task.args_kwargs["args"][0]["to"] == ["jan@example.org"]


def test_the_worker_sends_the_decision_and_retries_while_the_mail_server_is_away(
    client, alice, pending_request, settings, in_background, run_worker
):
    settings.MAILERS = {"default": {"BACKEND": "members.tests.test_accept_accession_request.BrokenMailer"}}
    req = pending_request()
    client.force_login(alice)
    with in_background():
        client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/")
    assert mail.outbox == []
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.return_value == "retry" and retry.status == "READY"
    assert retry.args_kwargs["args"][1] == 1  # the second attempt, not before its time
    assert retry.run_after > timezone.now()

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # its time has come
    run_worker()
    [letter] = mail.outbox
    assert letter.to == ["jan@example.org"]
    assert letter.subject == "Zgłoszenie do Partnerstwa Lokalnego zostało przyjęte"


def test_a_decision_whose_mail_cannot_be_queued_stands_and_staff_are_told(client, alice, pending_request, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("kolejka niedostępna")

    monkeypatch.setattr("members.notify.send_later", refuse)
    req = pending_request()
    client.force_login(alice)
    response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/", follow=True)
    assert "Nie udało się przygotować e-maila z decyzją na adres jan@example.org" in response.text
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.ACCEPTED


def test_readers_cannot_decide(client, bob, pending_request):
    req = pending_request()
    client.force_login(bob)
    response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING


class BrokenMailer:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("serwer poczty nie odpowiada")
