import datetime
import json
import re

from meetings.models import Meeting


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_meeting_page_describes_the_event_for_search_engines(client, make_meeting, venue, add_photo, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    meeting = make_meeting(
        title="Spotkanie partnerów o stażach",
        date=datetime.date(2026, 6, 10),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        venue=venue,
        description="<p>Plan staży &amp; szkoleń.</p>",
    )
    photo = add_photo(meeting, alt="Partnerzy przy stole")
    html = client.get(meeting.get_absolute_url()).text

    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == "Spotkanie partnerów o stażach"
    assert data["description"] == "Plan staży & szkoleń."
    assert data["startDate"] == "2026-06-10T10:00:00+02:00"
    assert data["endDate"] == "2026-06-10T12:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "Place",
        "name": "Rezydencja „Miętowe Wzgórza”",
        "address": "Trębki Nowe, gmina Zakroczym",
    }
    assert data["url"] == f"https://partnerstwo.example.gov.pl{meeting.get_absolute_url()}"
    assert data["image"] == [f"https://partnerstwo.example.gov.pl{photo.large.url}"]
    assert data["organizer"]["@type"] == "GovernmentOrganization"

    assert '<meta property="og:title" content="Spotkanie partnerów o stażach (10 czerwca 2026)">' in html
    assert '<meta property="og:description" content="Plan staży &amp; szkoleń.">' in html
    assert f'<meta property="og:url" content="https://partnerstwo.example.gov.pl{meeting.get_absolute_url()}">' in html
    assert f'<meta property="og:image" content="https://partnerstwo.example.gov.pl{photo.large.url}">' in html
    assert '<meta property="og:image:alt" content="Partnerzy przy stole">' in html


def test_an_all_day_cancelled_meeting_without_a_venue_claims_nothing_unknown(client, make_meeting):
    meeting = make_meeting(
        title="Spotkanie w sprawie szkoleń", date=datetime.date(2026, 6, 10), status=Meeting.Status.CANCELLED
    )
    data = json_ld(client.get(meeting.get_absolute_url()).text)
    assert data["startDate"] == "2026-06-10"
    assert data["description"] == "Spotkanie w sprawie szkoleń"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert "endDate" not in data and "location" not in data and "image" not in data


def test_the_data_cannot_close_its_script_element(client, make_meeting):
    meeting = make_meeting(title="</script><script>alert(1)</script>")
    html = client.get(meeting.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"
