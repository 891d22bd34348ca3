"""A preview link of a meeting, or of its report, shows the meeting page with the report even
before it is published (drafts/previews.py, meetings/views.py meeting_preview)."""

import datetime

from django.utils import timezone

from drafts.previews import make_link
from meetings.models import Meeting, Report

BANNER = "Podgląd wersji roboczej."


def held_meeting_with_draft_report(make_meeting):
    meeting = make_meeting(date=timezone.localdate() - datetime.timedelta(days=2), status=Meeting.Status.HELD)
    report = Report.objects.create(meeting=meeting, body="<p>Relacja czeka na akceptację.</p>")
    return meeting, report


def test_a_meetings_link_shows_its_draft_report(client, make_meeting):
    meeting, _ = held_meeting_with_draft_report(make_meeting)
    assert "Relacja czeka na akceptację." not in client.get(meeting.get_absolute_url()).text
    _, url = make_link(meeting, 7)
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    page = response.text
    assert BANNER in page and "Relacja czeka na akceptację." in page
    assert "Podgląd: ta relacja jest szkicem i nie jest widoczna dla odwiedzających." in page
    assert "Opublikowano:" not in page


def test_a_reports_link_shows_its_meeting_and_a_scheduled_report(client, make_meeting):
    meeting, report = held_meeting_with_draft_report(make_meeting)
    report.status = Report.Status.PUBLISHED
    report.published_at = timezone.now() + datetime.timedelta(days=1)
    report.save()
    _, url = make_link(report, 1)
    page = client.get(url).text
    assert meeting.title in page and "Relacja czeka na akceptację." in page
    assert "Podgląd: publikacja tej relacji jest zaplanowana na" in page


def test_the_meeting_preview_runs_as_many_queries_as_the_meeting_page_and_the_link(
    client, make_meeting, django_assert_num_queries
):
    meeting, _ = held_meeting_with_draft_report(make_meeting)
    _, url = make_link(meeting, 7)
    client.get(url)  # one-off lookups
    with django_assert_num_queries(10) as small:
        assert client.get(url).status_code == 200
    for n in range(10):
        make_meeting(title=f"Spotkanie {n}")
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_redaktor_sees_the_box_in_the_meeting_and_report_forms(client, make_meeting, staff_in_role):
    meeting, report = held_meeting_with_draft_report(make_meeting)
    client.force_login(staff_in_role("Redaktor"))
    for form in (f"/admin/meetings/meeting/{meeting.pk}/change/", f"/admin/meetings/report/{report.pk}/change/"):
        assert "Linki do podglądu" in client.get(form).text, form
