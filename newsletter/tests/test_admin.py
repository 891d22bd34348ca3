import json

from django_tasks_db.models import DBTaskResult

from newsletter import dispatch, sending
from newsletter.models import ConsentEvent, Delivery, Issue, Subscriber


def test_staff_write_an_issue_with_the_editor_and_see_the_recipient_count(client, alice, make_subscriber):
    make_subscriber(wants_issues=True)
    make_subscriber(wants_issues=False, wants_posts=True)
    make_subscriber(status=Subscriber.Status.PENDING)
    client.force_login(alice)
    assert "django_ckeditor_5" in client.get("/admin/newsletter/issue/add/").text
    response = client.post("/admin/newsletter/issue/add/", {"subject": "Wydanie 1", "body": "<p>Treść</p>"})
    issue = Issue.objects.get()
    assert response.status_code == 302
    assert issue.created_by == alice and issue.status == Issue.Status.DRAFT
    html = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert "1 potwierdzony subskrybent otrzyma tę wysyłkę" in html
    assert "Wyślij test do mnie" in html


def test_staff_send_a_test_to_themselves_only(client, alice, make_subscriber, make_issue, mailoutbox, in_background):
    make_subscriber()
    issue = make_issue(subject="Wydanie 1")
    client.force_login(alice)
    with in_background():
        response = client.post(f"/admin/newsletter/issue/{issue.pk}/test/", follow=True)
    assert "Wiadomość testowa wyjdzie za chwilę na adres alice@pup.example." in response.text
    assert [m.to for m in mailoutbox] == [["alice@pup.example"]]
    assert mailoutbox[0].subject == "[TEST] Wydanie 1"
    assert not Delivery.objects.exists()


def test_a_test_send_answers_at_once_with_a_hung_mail_server(
    client, alice, make_issue, hung_mail_server, django_capture_on_commit_callbacks
):
    issue = make_issue(subject="Wydanie 1")
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/newsletter/issue/{issue.pk}/test/")
    assert response.status_code == 302
    assert hung_mail_server.connections() == 0
    [task] = DBTaskResult.objects.all()
    assert task.task_path == "newsletter.tasks.send_test_task"
    assert task.args_kwargs["args"] == [issue.pk, "alice@pup.example"]


def test_staff_confirm_and_queue_the_send_then_see_progress_and_the_log(
    client, alice, make_subscriber, make_issue, run_worker, mailoutbox
):
    for _ in range(3):
        make_subscriber()
    issue = make_issue()
    client.force_login(alice)
    confirm = client.get(f"/admin/newsletter/issue/{issue.pk}/wyslij/")
    assert "trafi do 3 subskrybentów" in confirm.text
    assert not DBTaskResult.objects.exists()  # the GET only asks

    response = client.post(f"/admin/newsletter/issue/{issue.pk}/wyslij/", follow=True)
    assert "Zlecono wysyłkę do 3 subskrybentów." in response.text
    assert DBTaskResult.objects.count() == 1
    client.post(f"/admin/newsletter/issue/{issue.pk}/wyslij/")  # a second click queues nothing
    assert DBTaskResult.objects.count() == 1

    run_worker()
    html = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert "wysłano: 3 z 3, błędy: 0, pozostało: 0, pominięto: 0" in html
    log = client.get(f"/admin/newsletter/delivery/?issue__id__exact={issue.pk}").text
    assert log.count("Wysłano") >= 3
    assert len(mailoutbox) == 3


def test_issue_list_costs_the_same_queries_for_one_and_many(client, alice, make_issue, django_assert_num_queries):
    client.force_login(alice)
    make_issue()
    client.get("/admin/newsletter/issue/")
    # session, user, two counts, the page, and one "may add?" check per one-row model in the sidebar
    with django_assert_num_queries(9):
        client.get("/admin/newsletter/issue/")
    for _ in range(5):
        dispatch.queue(make_issue())
    with django_assert_num_queries(9):
        client.get("/admin/newsletter/issue/")


def test_staff_export_one_persons_data_as_json(client, alice, make_subscriber):
    subscriber = make_subscriber(email="ala@example.com", source="formularz na stronie /newsletter/")
    ConsentEvent.objects.create(subscriber=subscriber, action="confirmed", consent=subscriber.consent, source="link")
    client.force_login(alice)
    response = client.get(f"/admin/newsletter/subscriber/{subscriber.pk}/eksport/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["adres_e-mail"] == "ala@example.com"
    assert data["zgoda"]["wersja"] == 1
    assert "Powiatowy Urząd Pracy" in data["zgoda"]["tresc"]
    assert data["historia_zgody"][0]["zdarzenie"] == "Potwierdzenie zapisu"


def test_staff_erase_one_persons_data_and_mailing_counts_stay(client, alice, make_subscriber, make_issue):
    subscriber = make_subscriber(email="ala@example.com")
    issue = make_issue()
    dispatch.queue(issue)
    sending.send_issue(issue.pk)
    client.force_login(alice)
    assert "Usuniesz adres" in client.get(f"/admin/newsletter/subscriber/{subscriber.pk}/usun-dane/").text
    response = client.post(f"/admin/newsletter/subscriber/{subscriber.pk}/usun-dane/", follow=True)
    assert "Usunięto dane subskrybenta ala@example.com." in response.text
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert Delivery.objects.get().subscriber is None


def test_readers_cannot_export(client, bob, make_subscriber):
    subscriber = make_subscriber()
    client.force_login(bob)
    response = client.get(f"/admin/newsletter/subscriber/{subscriber.pk}/eksport/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
