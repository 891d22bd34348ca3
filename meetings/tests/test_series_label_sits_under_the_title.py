"""A meeting's series is named in one place everywhere: right under its title, on the meetings list
and on the meeting's own page."""

import re


def _title_then_series(html, title, heading):
    pattern = rf"<{heading}[^>]*>(?:<a [^>]*>)?{title}(?:</a>)?</{heading}>\s*<p class=\"meeting-series\">"
    return re.search(pattern, html)


def test_the_series_follows_the_title_on_the_list_and_on_the_page(client, make_meeting):
    meeting = make_meeting(title="Spotkanie o stażach", series="Spotkania organizacyjno-integracyjne")
    listing = client.get("/spotkania/").text
    page = client.get(meeting.get_absolute_url()).text
    assert "Spotkania organizacyjno-integracyjne" in listing and "Spotkania organizacyjno-integracyjne" in page
    assert _title_then_series(listing, "Spotkanie o stażach", "h[23]")
    assert _title_then_series(page, "Spotkanie o stażach", "h1")
