import datetime

import time_machine
from django.utils import timezone

from meetings.models import REPORT_PROMISE_DAYS, WARSAW, Meeting, Report
from pagecache import clock

PENDING = "Relacja ze spotkania zostanie opublikowana wkrótce."
NONE = "Relacji z tego spotkania nie opublikowano."


def test_held_meeting_without_report_says_it_will_come(client, make_meeting):
    meeting = make_meeting(date=timezone.localdate() - datetime.timedelta(days=2), status=Meeting.Status.HELD)
    html = client.get(meeting.get_absolute_url()).text
    assert PENDING in html and NONE not in html


def test_the_promise_ends_on_its_own_with_no_save(client, make_meeting):
    held_on = timezone.localdate() - datetime.timedelta(days=1)
    meeting = make_meeting(date=held_on, status=Meeting.Status.HELD)
    assert PENDING in client.get(meeting.get_absolute_url()).text
    assert client.get(meeting.get_absolute_url())["X-Page-Cache"] == "hit"

    ends = datetime.datetime.combine(held_on + datetime.timedelta(days=REPORT_PROMISE_DAYS), datetime.time(), WARSAW)
    assert clock.next_change() <= ends
    with time_machine.travel(ends - datetime.timedelta(seconds=1)):
        assert PENDING in client.get(meeting.get_absolute_url()).text
    with time_machine.travel(ends + datetime.timedelta(seconds=1)):
        html = client.get(meeting.get_absolute_url()).text
        assert PENDING not in html and NONE in html
        assert '<h2 id="relacja">' not in html


def test_a_meeting_years_ago_promises_nothing(client, make_meeting):
    meeting = make_meeting(date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    html = client.get(meeting.get_absolute_url()).text
    assert PENDING not in html and NONE in html


def test_planned_meeting_has_no_report_note(client, make_meeting):
    html = client.get(make_meeting().get_absolute_url()).text
    assert PENDING not in html
    assert "Relacja ze spotkania" not in html


def test_draft_and_scheduled_reports_stay_hidden(client, make_meeting):
    meeting = make_meeting(date=timezone.localdate() - datetime.timedelta(days=3), status=Meeting.Status.HELD)
    report = Report.objects.create(meeting=meeting, body="<p>Tajny szkic relacji.</p>")
    html = client.get(meeting.get_absolute_url()).text
    assert PENDING in html and "Tajny szkic" not in html

    report.status = Report.Status.PUBLISHED
    report.published_at = timezone.now() + datetime.timedelta(days=2)
    report.save()
    html = client.get(meeting.get_absolute_url()).text
    assert PENDING in html and "Tajny szkic" not in html


def test_published_report_replaces_the_note(client, make_meeting, alice):
    alice.first_name, alice.last_name = "Alicja", "Kowalska"
    alice.save()
    meeting = make_meeting(date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    Report.objects.create(
        meeting=meeting,
        author=alice,
        status=Report.Status.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2018, 6, 12, 9)),
        body="<p>Partnerzy omówili plan działań.</p><script>alert(1)</script>",
    )
    html = client.get(meeting.get_absolute_url()).text
    assert PENDING not in html
    assert '<h2 id="relacja">Relacja ze spotkania</h2>' in html
    assert "<p>Partnerzy omówili plan działań.</p>" in html
    assert "alert(1)" not in html
    assert '<time datetime="2018-06-12T09:00:00+02:00">12 czerwca 2018</time> · Autor: Alicja Kowalska' in html


def test_staff_publish_a_report_later_without_touching_the_meeting(client, alice, make_meeting):
    meeting = make_meeting(title="Pierwsze spotkanie", date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    before = Meeting.objects.values().get(pk=meeting.pk)
    client.force_login(alice)
    assert client.get("/admin/meetings/report/add/").status_code == 200
    response = client.post(
        "/admin/meetings/report/add/",
        {
            "meeting": meeting.pk,
            "body": "<p>Relacja z pierwszego spotkania.</p>",
            "status": "published",
            "published_at_0": "2018-06-12",
            "published_at_1": "10:00:00",
            "author": "",
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.author == alice
    assert Meeting.objects.values().get(pk=meeting.pk) == before
    html = client.get(meeting.get_absolute_url()).text
    assert "Relacja z pierwszego spotkania." in html and PENDING not in html
