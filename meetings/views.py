import datetime

from django.db.models import OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from changelog.metryczka import metryczka_from_rows, metryczka_subquery
from core.links import absolute_url
from core.sanitize import html_to_text
from core.seo import json_ld, partnership
from core.staff import has_staff_powers
from meetings.ics import build_calendar, calendar_response
from meetings.models import Meeting, Photo, Report
from members.models import Institution
from news.models import Post
from pagecache.versions import shows
from stats.counter import VIEWS_TAG, shown, total_subquery

RECENT_ON_LIST = 10
# Further planned meetings are in the year archives the list links to (the page stays small).
UPCOMING_ON_LIST = 20


def meeting_list(request):
    today = timezone.localdate()
    meetings = Meeting.objects.published().for_cards()
    # One more than is shown: the first meeting left out names the archive year to go on with.
    upcoming = list(meetings.upcoming(today)[: UPCOMING_ON_LIST + 1])
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": upcoming[:UPCOMING_ON_LIST],
            "later": upcoming[UPCOMING_ON_LIST] if len(upcoming) > UPCOMING_ON_LIST else None,
            "recent": list(meetings.past(today)[:RECENT_ON_LIST]),
            "years": Meeting.objects.published().dates("date", "year", order="DESC"),
        },
    )


def meeting_archive(request, year):
    if not datetime.MINYEAR < year < datetime.MAXYEAR:
        raise Http404("Nie ma takiego roku.")
    meetings = list(
        Meeting.objects.published().for_cards().filter(date__year=year).order_by("date", "start_time", "pk")
    )
    if not meetings:
        raise Http404("W tym roku nie było spotkań.")
    return render(
        request,
        "meetings/meeting_archive.html",
        {"year": year, "meetings": meetings, "years": Meeting.objects.published().dates("date", "year", order="DESC")},
    )


@shows(lambda slug: [VIEWS_TAG])  # its view count
def meeting_detail(request, slug):
    meetings = _meetings_with_everything()
    if not has_staff_powers(request):  # staff see a meeting waiting for approval here, marked so
        meetings = meetings.published()
    return _render_meeting(request, get_object_or_404(meetings, slug=slug))


def meeting_preview(request, object_id, *, preview_link):
    """The meeting page as visitors will see it, with its report even before that is published,
    for the holder of a preview link (drafts/previews.py)."""
    meeting = get_object_or_404(_meetings_with_everything(), pk=object_id)
    return _render_meeting(request, meeting, preview_link=preview_link)


def report_preview(request, object_id, *, preview_link):
    """A report's preview link shows its meeting's page with it (drafts/previews.py)."""
    meeting = get_object_or_404(_meetings_with_everything(), report__pk=object_id)
    return _render_meeting(request, meeting, preview_link=preview_link)


def _meetings_with_everything():
    return (
        Meeting.objects.with_agenda()
        # The report's metryczka rides along in the meeting's row: the page stays at six queries.
        .annotate(report_changes=metryczka_subquery(Report, OuterRef("report__pk")))
        .annotate(view_total=total_subquery(Meeting))
        .select_related("venue", "report__author", "agreement")
        .prefetch_related(
            Prefetch("photos", queryset=Photo.objects.ready()),
            "documents",
            Prefetch("participants", queryset=Institution.objects.published().only("name", "short_name", "slug")),
            Prefetch(
                "related_posts",
                queryset=Post.objects.published().only("title", "slug", "published_at").order_by("-published_at"),
                to_attr="public_posts",
            ),
        )
    )


def _render_meeting(request, meeting, preview_link=None):
    meeting.summary = " ".join(html_to_text(meeting.description).split())[:300] or meeting.title
    context = {
        "meeting": meeting,
        "metryczka": metryczka_from_rows(meeting.report_changes),
        "event_json_ld": json_ld(event_data(meeting)),
    }
    if preview_link is not None:  # a preview is no reader's view: not counted
        context["preview_link"] = preview_link
        context["here"] = meeting.get_absolute_url()
        context["preview_report"] = getattr(meeting, "report", None)  # published or not
        return render(request, "meetings/meeting_detail.html", context)
    return shown(render(request, "meetings/meeting_detail.html", context), meeting)


EVENT_STATUS = {
    Meeting.Status.PLANNED: "EventScheduled",
    Meeting.Status.HELD: "EventScheduled",
    Meeting.Status.POSTPONED: "EventPostponed",
    Meeting.Status.CANCELLED: "EventCancelled",
}


def event_data(meeting):
    """schema.org Event for search engines; built from what the page shows (nothing unknown is guessed)."""
    status = EVENT_STATUS[meeting.status]
    if meeting.status == Meeting.Status.POSTPONED and meeting.new_date:
        status = "EventRescheduled"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "description": meeting.summary,
        "url": absolute_url(meeting.get_absolute_url()),
        "startDate": meeting.starts_at.isoformat() if meeting.starts_at else meeting.date.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "pl",
        "organizer": partnership(),
    }
    if meeting.ends_at:
        data["endDate"] = meeting.ends_at.isoformat()
    if status == "EventRescheduled":
        # schema.org: startDate is the new date, the old one goes to previousStartDate.
        data["previousStartDate"] = data["startDate"]
        data["startDate"] = meeting.new_date.isoformat()
        data.pop("endDate", None)
    if meeting.venue:
        venue = meeting.venue
        place = {"@type": "Place", "name": venue.name}
        gmina = f"gmina {venue.get_gmina_display()}" if venue.gmina else ""
        address = ", ".join(part for part in [venue.address, gmina] if part)
        if address:
            place["address"] = address
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        data["location"] = place
    photos = meeting.photos.all()
    if photos:
        data["image"] = [absolute_url(photo.large.url) for photo in photos[:3]]
    return data


def meeting_ics(request, slug):
    meeting = get_object_or_404(Meeting.objects.published().select_related("venue"), slug=slug)
    calendar = build_calendar([meeting], name=meeting.title)
    return calendar_response(calendar, f"{meeting.slug}.ics", attachment=True)


def calendar_feed(request):
    meetings = Meeting.objects.published().select_related("venue").order_by("date", "start_time", "pk")
    calendar = build_calendar(meetings, name="Spotkania Partnerstwa Lokalnego Powiatu Nowodworskiego")
    return calendar_response(calendar, "kalendarz.ics", attachment=False)
