"""„Utwórz kopię”: a new draft from a mailing, with nothing of its sending."""

import datetime

from django.contrib.admin.models import ADDITION, LogEntry
from django.utils import timezone

from newsletter import dispatch, sending
from newsletter.models import Delivery, Issue


def duplicate_url(issue):
    return f"/admin/newsletter/issue/{issue.pk}/kopia/"


def test_staff_copy_a_sent_issue_into_a_new_draft_and_land_on_its_form(client, alice, make_issue, make_subscriber):
    make_subscriber()
    make_subscriber()
    issue = make_issue(subject="Wydanie grudniowe", body="<h2>Program</h2><p>Zapraszamy.</p>")
    dispatch.queue(issue)
    sending.send_issue(issue.pk)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    client.force_login(alice)
    assert "Utwórz kopię" in client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text

    response = client.post(duplicate_url(issue), follow=True)
    copy = Issue.objects.exclude(pk=issue.pk).get()
    assert response.redirect_chain[-1][0] == f"/admin/newsletter/issue/{copy.pk}/change/"
    assert "Utworzono kopię wysyłki „Wydanie grudniowe”. To szkic" in response.text
    assert copy.subject == "Kopia: Wydanie grudniowe"
    assert copy.body == issue.body and copy.kind == Issue.Kind.NEWSLETTER
    assert copy.status == Issue.Status.DRAFT and copy.created_by == alice
    assert copy.scheduled_for is copy.queued_at is copy.planned_at is copy.finished_at is None
    assert Delivery.objects.filter(issue=copy).count() == 0
    assert Delivery.objects.filter(issue=issue).count() == 2  # the original keeps its log
    assert 'name="subject"' in response.text  # the copy is editable
    entry = LogEntry.objects.get(object_id=str(copy.pk))
    assert entry.action_flag == ADDITION and "kopię wysyłki „Wydanie grudniowe”" in entry.change_message


def test_a_copy_of_a_scheduled_issue_is_not_scheduled(client, alice, make_issue):
    issue = make_issue()
    assert dispatch.schedule(issue, timezone.now() + datetime.timedelta(days=1))
    client.force_login(alice)
    client.post(duplicate_url(issue))
    copy = Issue.objects.exclude(pk=issue.pk).get()
    assert copy.status == Issue.Status.DRAFT and copy.scheduled_for is None


def test_a_copy_of_a_post_notice_leaves_the_post_with_its_notice(client, alice, make_post):
    post = make_post(title="Nabór na staże")
    notice = Issue.objects.create(
        kind=Issue.Kind.POST_NOTICE,
        post=post,
        subject="Nowy wpis: Nabór na staże",
        body="<p>Nabór na staże</p>",
        status=Issue.Status.SENT,
        queued_at=post.published_at,
    )
    client.force_login(alice)
    response = client.post(duplicate_url(notice), follow=True)
    copy = Issue.objects.exclude(pk=notice.pk).get()
    assert copy.kind == Issue.Kind.POST_NOTICE and copy.post is None
    assert copy.subject == "Kopia: Nowy wpis: Nabór na staże"
    notice.refresh_from_db()
    assert notice.post == post
    assert 'name="subject"' in response.text  # a draft without a post is edited like any other


def test_copying_a_copy_does_not_stack_the_prefix_and_keeps_the_length(client, alice, make_issue):
    client.force_login(alice)
    copy_of_copy = make_issue(subject="Kopia: Wydanie")
    client.post(duplicate_url(copy_of_copy))
    assert Issue.objects.filter(subject="Kopia: Wydanie").count() == 2
    long = make_issue(subject="W" * 200)
    client.post(duplicate_url(long))
    assert Issue.objects.filter(subject="Kopia: " + "W" * 193).exists()


def test_a_get_copies_nothing(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    response = client.get(duplicate_url(issue))
    assert response.status_code == 302
    assert Issue.objects.count() == 1


def test_a_moderator_may_not_copy(client, staff_in_role, make_issue):
    issue = make_issue()
    client.force_login(staff_in_role("Moderator"))
    assert client.post(duplicate_url(issue)).status_code == 403
    assert Issue.objects.count() == 1


def test_staff_who_may_change_but_not_add_see_no_button_and_may_not_copy(client, django_user_model, make_issue):
    from django.contrib.auth.models import Permission

    clerk = django_user_model.objects.create_user(username="k@pup.example", email="k@pup.example", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(content_type__app_label="newsletter", codename__in=["change_issue", "view_issue"])
    )
    issue = make_issue()
    client.force_login(clerk)
    html = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert "Podgląd w przeglądarce" in html
    assert "Utwórz kopię" not in html
    assert client.post(duplicate_url(issue)).status_code == 403
    assert client.get(f"/admin/newsletter/issue/{issue.pk}/podglad/").status_code == 200
    assert "duplicate_selected" not in client.get("/admin/newsletter/issue/").text
    assert Issue.objects.count() == 1


def test_the_action_copies_one_issue_and_opens_it(client, alice, make_issue):
    issue = make_issue(subject="Wydanie grudniowe")
    client.force_login(alice)
    response = client.post(
        "/admin/newsletter/issue/",
        {"action": "duplicate_selected", "_selected_action": [issue.pk]},
        follow=True,
    )
    copy = Issue.objects.exclude(pk=issue.pk).get()
    assert response.redirect_chain[-1][0] == f"/admin/newsletter/issue/{copy.pk}/change/"
    assert "Utworzono kopię wysyłki. To szkic" in response.text


def test_the_action_copies_many_and_counts_them_in_polish(client, alice, make_issue):
    issues = [make_issue(subject=f"Wydanie {n}") for n in range(5)]
    client.force_login(alice)
    response = client.post(
        "/admin/newsletter/issue/",
        {"action": "duplicate_selected", "_selected_action": [i.pk for i in issues[:2]]},
        follow=True,
    )
    assert "Utworzono 2 kopie wysyłek jako szkice." in response.text
    response = client.post(
        "/admin/newsletter/issue/",
        {"action": "duplicate_selected", "_selected_action": [i.pk for i in issues]},
        follow=True,
    )
    assert "Utworzono 5 kopii wysyłek jako szkice." in response.text
    assert Issue.objects.filter(subject__startswith="Kopia: ", status=Issue.Status.DRAFT).count() == 7


def test_copying_costs_the_same_queries_however_many_deliveries(
    client, alice, make_issue, make_subscriber, django_assert_num_queries
):
    client.force_login(alice)
    small, large = make_issue(), make_issue()
    make_subscriber()
    dispatch.queue(small)
    sending.send_issue(small.pk)
    for _ in range(6):
        make_subscriber()
    dispatch.queue(large)
    sending.send_issue(large.pk)
    client.post(duplicate_url(small))  # warm up: one-off lookups (content types)
    with django_assert_num_queries(QUERIES) as first:
        client.post(duplicate_url(small))
    with django_assert_num_queries(len(first.captured_queries)):
        client.post(duplicate_url(large))
    assert Delivery.objects.count() == 1 + 7  # none copied


# The portal's POST rate limit (two), session, user, the issue, then the copy and its log entry
# together (a savepoint and its release here, inside the test's transaction). No delivery is read.
QUERIES = 9
