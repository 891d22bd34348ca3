"""Links that add an upcoming meeting to Google Calendar or Outlook.com.

They carry the day the meeting holds (Meeting.calendar_times): the new date of a postponed
meeting, never its old one; the page offers none for a meeting with no such day.

Plain links: the portal makes no request to either service; the resident's browser goes there
only when the link is clicked. Times go as UTC (Google) and as local time with its offset (Outlook).
"""

import datetime
from urllib.parse import urlencode

from core.links import absolute_url
from meetings.ics import _location


def _details(meeting):
    parts = [meeting.series] if meeting.series else []
    if meeting.status == meeting.Status.POSTPONED:
        parts.append(f"Spotkanie przełożone z {meeting.date:%d.%m.%Y}")
    parts.append(f"Szczegóły: {absolute_url(meeting.get_absolute_url())}")
    return " – ".join(parts)


def google_calendar_url(meeting):
    start, end = meeting.calendar_times
    if isinstance(start, datetime.datetime):
        dates = "/".join(moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ") for moment in (start, end))
    else:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    query = {
        "action": "TEMPLATE",
        "text": meeting.title,
        "dates": dates,
        "details": _details(meeting),
        "location": _location(meeting.venue),
        "ctz": "Europe/Warsaw",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(meeting):
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": meeting.title,
        "body": _details(meeting),
        "location": _location(meeting.venue),
    }
    start, end = meeting.calendar_times
    query.update(startdt=start.isoformat(), enddt=end.isoformat())
    if not isinstance(start, datetime.datetime):
        query["allday"] = "true"
    return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)
