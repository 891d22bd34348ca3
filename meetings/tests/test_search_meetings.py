import datetime

from meetings.models import Meeting, Report


def test_meetings_are_found_by_title_and_place(client, make_meeting, venue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(title="Pierwsze spotkanie partnerów", venue=venue, date=datetime.date(2018, 6, 6))
    html = client.get("/szukaj/", {"q": "trebki"}).text
    assert "Pierwsze spotkanie partnerów" in html
    assert 'Spotkanie · <time datetime="2018-06-06T00:00:00+02:00">6 czerwca 2018</time>' in html


def test_only_published_reports_are_found(client, make_meeting, django_capture_on_commit_callbacks):
    meeting = make_meeting(title="Posiedzenie", status=Meeting.Status.HELD, date=datetime.date(2018, 4, 19))
    with django_capture_on_commit_callbacks(execute=True):
        report = Report.objects.create(meeting=meeting, body="<p>Omówiono staże zawodowe.</p>")
    assert "Relacja: Posiedzenie" not in client.get("/szukaj/", {"q": "staze"}).text
    with django_capture_on_commit_callbacks(execute=True):
        report.status = Report.Status.PUBLISHED
        report.save()
    html = client.get("/szukaj/", {"q": "staze"}).text
    assert "Relacja: Posiedzenie" in html
    assert f'href="{meeting.get_absolute_url()}"' in html
