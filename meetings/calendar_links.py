"""Links that add an upcoming meeting to Google Calendar or Outlook.com.

Plain links: the portal makes no request to either service; the resident's browser goes there
only when the link is clicked. Times go as UTC (Google) and as local time with its offset (Outlook).
"""

import datetime
from urllib.parse import urlencode

from core.links import absolute_url
from meetings.ics import _location


def _details(meeting):
    return f"{meeting.series + ' – ' if meeting.series else ''}Szczegóły: {absolute_url(meeting.get_absolute_url())}"


def google_calendar_url(meeting):
    if meeting.starts_at:
        end = meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=1)
        utc = [moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ") for moment in (meeting.starts_at, end)]
        dates = "/".join(utc)
    else:
        dates = f"{meeting.date:%Y%m%d}/{meeting.date + datetime.timedelta(days=1):%Y%m%d}"
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
    if meeting.starts_at:
        end = meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=1)
        query.update(startdt=meeting.starts_at.isoformat(), enddt=end.isoformat())
    else:
        query.update(
            startdt=meeting.date.isoformat(),
            enddt=(meeting.date + datetime.timedelta(days=1)).isoformat(),
            allday="true",
        )
    return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)
