"""A meeting not yet approved (meetings/review.py) is on no public page, feed, sitemap, search or data set."""

import datetime

import pytest

from meetings.models import Meeting, Report

HIDDEN = "Propozycja spotkania w Nasielsku"
SHOWN = "Zatwierdzone spotkanie w Czosnowie"


@pytest.fixture
def meetings(make_meeting, django_capture_on_commit_callbacks):
    soon = datetime.date.today() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):  # the search index follows on commit
        hidden = {
            state: make_meeting(title=f"{HIDDEN} {state}", date=soon, review_state=state)
            for state in ("draft", "submitted", "returned")
        }
        shown = make_meeting(title=SHOWN, date=soon)
    return hidden, shown


@pytest.mark.parametrize(
    "url",
    [
        "/spotkania/",
        "/spotkania/archiwum/{year}/",
        "/spotkania/kalendarz.ics",
        "/sitemap.xml",
        "/",
        "/dane/spotkania.csv",
        "/dane/spotkania.json",
        "/szukaj/?q=spotkanie",
    ],
)
def test_lists_feeds_and_data_show_only_the_approved(client, meetings, url):
    hidden, shown = meetings
    page = client.get(url.format(year=shown.date.year)).content.decode()
    assert (SHOWN in page) or (shown.slug in page), url
    assert HIDDEN not in page and "propozycja-spotkania" not in page, url


def test_its_page_and_its_calendar_file_are_not_found(client, meetings):
    hidden, shown = meetings
    for meeting in hidden.values():
        assert client.get(meeting.get_absolute_url()).status_code == 404
        assert client.get(meeting.get_ics_url()).status_code == 404
    assert client.get(shown.get_absolute_url()).status_code == 200


def test_existing_meetings_stay_public():
    """The migration's default: every meeting made before approval existed is approved."""
    field = Meeting._meta.get_field("review_state")
    assert field.default == Meeting.ReviewState.APPROVED


def test_its_published_report_is_not_public_either(make_meeting):
    meeting = make_meeting(status=Meeting.Status.HELD, review_state="submitted")
    Report.objects.create(meeting=meeting, body="<p>Relacja.</p>", status=Report.Status.PUBLISHED)
    assert not Report.objects.published().exists()
    meeting.review_state = Meeting.ReviewState.APPROVED
    meeting.save()
    assert Report.objects.published().count() == 1


def test_staff_see_its_page_marked_as_unapproved(client, meetings, editor):
    hidden, _ = meetings
    client.force_login(editor)
    page = client.get(hidden["submitted"].get_absolute_url())
    assert page.status_code == 200
    assert "Podgląd: to spotkanie nie zostało jeszcze zatwierdzone (czeka na akceptację)" in page.text
    # Its calendar file is not served until it is approved: no link that would end on a 404.
    assert "Dodaj do kalendarza" not in page.text
    assert client.get(hidden["submitted"].get_ics_url()).status_code == 404
