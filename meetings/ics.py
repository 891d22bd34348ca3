"""iCalendar files of meetings, made with the icalendar library."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Event

from core.links import absolute_url
from core.sanitize import html_to_text
from meetings.models import Meeting


def _summary(meeting):
    if meeting.status == Meeting.Status.CANCELLED:
        return f"Odwołane: {meeting.title}"
    if meeting.status == Meeting.Status.POSTPONED and not meeting.new_date:
        return f"Przełożone: {meeting.title}"
    return meeting.title


def _description(meeting, url):
    parts = []
    if meeting.series:
        parts.append(meeting.series)
    if meeting.status in (Meeting.Status.POSTPONED, Meeting.Status.CANCELLED):
        line = f"Status: {meeting.get_status_display()}"
        if meeting.new_date:
            line += f" z {meeting.date:%d.%m.%Y} na {meeting.new_date:%d.%m.%Y}"
        parts.append(line)
        if meeting.status_reason:
            parts.append(meeting.status_reason)
    text = html_to_text(meeting.description)
    if text:
        parts.append(text)
    parts.append(url)
    return "\n\n".join(parts)


def _location(venue):
    if venue is None:
        return ""
    parts = [venue.name, venue.address]
    if venue.gmina:
        parts.append(f"gmina {venue.get_gmina_display()}")
    return ", ".join(p for p in parts if p)


def meeting_event(meeting):
    url = absolute_url(meeting.get_absolute_url())
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("summary", _summary(meeting))
    if meeting.starts_at and meeting.calendar_day in (meeting.date, None):
        event.add("dtstart", meeting.starts_at)
        if meeting.ends_at:
            event.add("dtend", meeting.ends_at)
    else:
        # The time of day is not known (or belonged to the old date): an all-day event.
        day = meeting.calendar_day or meeting.date
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
    # The same UID moves to the new date of a postponed meeting; a meeting with no day that
    # holds (cancelled, or postponed with no new date yet) stays on its old day, cancelled.
    event.add("status", "CONFIRMED" if meeting.calendar_day else "CANCELLED")
    location = _location(meeting.venue)
    if location:
        event.add("location", location)
    if meeting.venue and meeting.venue.latitude is not None and meeting.venue.longitude is not None:
        event.add("geo", (float(meeting.venue.latitude), float(meeting.venue.longitude)))
    event.add("description", _description(meeting, url))
    event.add("url", url)
    return event


def build_calendar(meetings, name):
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Spotkania//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Warsaw")
    years = set()
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
        years.add((meeting.calendar_day or meeting.date).year)
    if years:
        # Time zone rules only for the years the meetings need: a short file.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years), 1, 1), last_date=datetime.date(max(years) + 1, 12, 31)
        )
        # The library notes the range in English ("This timezone only works from…"): the file
        # is for residents' calendars, where that comment may show; the range is in the rules.
        for timezone in calendar.walk("VTIMEZONE"):
            timezone.pop("COMMENT", None)
    return calendar


def calendar_response(calendar, filename, attachment):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
