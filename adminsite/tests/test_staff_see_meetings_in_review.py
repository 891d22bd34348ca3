"""The admin's to-do list: meetings waiting for approval to who may publish them, returned ones to who sent them."""

import datetime

from django.utils import timezone

from adminsite import dashboard
from meetings.models import Meeting


def make(n, state, **fields):
    for i in range(n):
        Meeting.objects.create(title=f"Spotkanie {i}", date=datetime.date(2027, 1, 10), review_state=state, **fields)


def tasks_of(user):
    now = timezone.now()
    return dashboard.meetings(user, timezone.localdate(now), now)


def test_the_texts_count_in_polish(editor, db):
    for n, text in [(1, "1 spotkanie czeka"), (3, "3 spotkania czekają"), (5, "5 spotkań czeka")]:
        make(n - Meeting.objects.filter(review_state="submitted").count(), Meeting.ReviewState.SUBMITTED)
        in_review, _ = tasks_of(editor)
        assert in_review.text == f"{text} na akceptację"


def test_who_sent_them_sees_returned_ones_in_polish(staff_in_role, db):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Spotkania bez publikacji")
    group.permissions.set(Permission.objects.filter(codename__in=["change_meeting", "view_meeting"]))
    author = staff_in_role("Spotkania bez publikacji", email="spotkania@pup.example")
    make(2, Meeting.ReviewState.RETURNED)  # someone else's
    for n, text in [(1, "1 spotkanie zwrócone"), (3, "3 spotkania zwrócone"), (5, "5 spotkań zwróconych")]:
        make(n - Meeting.objects.filter(submitted_by=author).count(), Meeting.ReviewState.RETURNED, submitted_by=author)
        in_review, _ = tasks_of(author)
        assert in_review.text == f"{text} do poprawy"
        assert in_review.url.endswith(f"?review_state__exact=returned&submitted_by__exact={author.pk}")


def test_both_meeting_tasks_take_one_query(editor, django_assert_num_queries):
    make(3, Meeting.ReviewState.SUBMITTED)
    Meeting.objects.create(title="Minione", date=datetime.date(2020, 1, 1), status=Meeting.Status.HELD)
    editor.has_perm("meetings.view_meeting")  # the permissions are loaded once per request
    with django_assert_num_queries(1):
        in_review, without_report = tasks_of(editor)
    assert in_review.text == "3 spotkania czekają na akceptację"
    assert without_report.text == "1 minione spotkanie nie ma opublikowanej relacji"
