import datetime

import time_machine
from django.utils import timezone

from meetings.models import WARSAW, Meeting, Report
from pagecache import clock


def test_a_meeting_edit_shows_on_the_next_request(client, make_meeting, django_capture_on_commit_callbacks):
    meeting = make_meeting(title="Spotkanie w Nasielsku")
    client.get("/spotkania/")
    assert client.get("/spotkania/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.status = Meeting.Status.CANCELLED
        meeting.save()
    response = client.get("/spotkania/")
    assert response["X-Page-Cache"] == "miss"
    assert "Odwołane" in response.text


def test_a_scheduled_report_appears_at_its_time(client, make_meeting):
    meeting = make_meeting(date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    Report.objects.create(
        meeting=meeting,
        body="<p>Relacja na później.</p>",
        status=Report.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert "Relacja na później." not in client.get(meeting.get_absolute_url()).text
    with time_machine.travel(datetime.timedelta(hours=1, seconds=1)):
        assert "Relacja na później." in client.get(meeting.get_absolute_url()).text


def test_lists_go_stale_when_the_nearest_meeting_day_ends(make_meeting):
    today = timezone.localdate()
    make_meeting(date=today + datetime.timedelta(days=3))
    make_meeting(date=today)
    make_meeting(date=today - datetime.timedelta(days=3))
    midnight = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), WARSAW)
    assert clock.next_change() == midnight
