"""The admin's to-do list: meetings waiting for approval to who may publish them, returned ones to who sent them."""

import datetime

from django.utils import timezone

from adminsite import dashboard
from meetings.models import Meeting, Report


def make(n, state, **fields):
    for i in range(n):
        Meeting.objects.create(title=f"Spotkanie {i}", date=datetime.date(2027, 1, 10), review_state=state, **fields)


def tasks_of(user):
    now = timezone.now()
    return dashboard.meetings(user, timezone.localdate(now), now)


def test_the_texts_count_in_polish(editor, db):
    for n, text in [(1, "1 spotkanie czeka"), (3, "3 spotkania czekają"), (5, "5 spotkań czeka")]:
        make(n - Meeting.objects.filter(review_state="submitted").count(), Meeting.ReviewState.SUBMITTED)
        in_review = tasks_of(editor).in_review
        assert in_review.text == f"{text} na akceptację"


def test_who_sent_them_sees_returned_ones_in_polish(staff_in_role, db):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Spotkania bez publikacji")
    group.permissions.set(
        Permission.objects.filter(codename__in=["change_meeting", "view_meeting", "change_report", "view_report"])
    )
    author = staff_in_role("Spotkania bez publikacji", email="spotkania@pup.example")
    make(2, Meeting.ReviewState.RETURNED)  # someone else's
    for n, text in [(1, "1 spotkanie zwrócone"), (3, "3 spotkania zwrócone"), (5, "5 spotkań zwróconych")]:
        make(n - Meeting.objects.filter(submitted_by=author).count(), Meeting.ReviewState.RETURNED, submitted_by=author)
        in_review = tasks_of(author).in_review
        assert in_review.text == f"{text} do poprawy"
        assert in_review.url.endswith(f"?review_state__exact=returned&submitted_by__exact={author.pk}")


def test_both_meeting_tasks_take_one_query(editor, django_assert_num_queries):
    make(3, Meeting.ReviewState.SUBMITTED)
    Meeting.objects.create(title="Minione", date=datetime.date(2020, 1, 1), status=Meeting.Status.HELD)
    editor.has_perm("meetings.view_meeting")  # the permissions are loaded once per request
    Report.objects.create(meeting=Meeting.objects.get(title="Minione"), body="<p>R</p>", status="submitted")
    with django_assert_num_queries(1):
        found = tasks_of(editor)
    assert found.in_review.text == "3 spotkania czekają na akceptację"
    assert found.reports_in_review.text == "1 relacja czeka na akceptację"
    assert found.reports_in_review.url == "/admin/meetings/report/?status__exact=submitted"
    assert found.without_report.text == "1 minione spotkanie nie ma opublikowanej relacji"


def test_who_sent_a_report_sees_it_returned(staff_in_role, db):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Relacje bez publikacji")
    group.permissions.set(Permission.objects.filter(codename__in=["view_meeting", "change_report", "view_report"]))
    author = staff_in_role("Relacje bez publikacji", email="relacje@pup.example")
    for n in range(5):
        meeting = Meeting.objects.create(title=f"Minione {n}", date=datetime.date(2020, 1, 1 + n))
        Report.objects.create(meeting=meeting, body="<p>R</p>", status="returned", submitted_by=author)
    found = tasks_of(author)
    assert found.reports_in_review.text == "5 relacji zwróconych do poprawy"
    assert found.reports_in_review.url.endswith(f"?status__exact=returned&submitted_by__exact={author.pk}")
