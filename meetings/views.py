import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from meetings.ics import build_calendar, calendar_response
from meetings.models import Meeting
from members.models import Institution
from news.models import Post

RECENT_ON_LIST = 10


def meeting_list(request):
    today = timezone.localdate()
    meetings = Meeting.objects.for_cards()
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": list(meetings.upcoming(today)),
            "recent": list(meetings.past(today)[:RECENT_ON_LIST]),
            "years": Meeting.objects.dates("date", "year", order="DESC"),
        },
    )


def meeting_archive(request, year):
    if not datetime.MINYEAR < year < datetime.MAXYEAR:
        raise Http404("Nie ma takiego roku.")
    meetings = list(Meeting.objects.for_cards().filter(date__year=year).order_by("date", "start_time", "pk"))
    if not meetings:
        raise Http404("W tym roku nie było spotkań.")
    return render(
        request,
        "meetings/meeting_archive.html",
        {"year": year, "meetings": meetings, "years": Meeting.objects.dates("date", "year", order="DESC")},
    )


def meeting_detail(request, slug):
    meetings = (
        Meeting.objects.with_agenda()
        .select_related("venue", "report__author", "agreement")
        .prefetch_related(
            "photos",
            "documents",
            Prefetch("participants", queryset=Institution.objects.only("name", "short_name", "slug")),
            Prefetch(
                "related_posts",
                queryset=Post.objects.published().only("title", "slug", "published_at").order_by("-published_at"),
                to_attr="public_posts",
            ),
        )
    )
    meeting = get_object_or_404(meetings, slug=slug)
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})


def meeting_ics(request, slug):
    meeting = get_object_or_404(Meeting.objects.select_related("venue"), slug=slug)
    calendar = build_calendar([meeting], name=meeting.title)
    return calendar_response(calendar, f"{meeting.slug}.ics", attachment=True)


def calendar_feed(request):
    meetings = Meeting.objects.select_related("venue").order_by("date", "start_time", "pk")
    calendar = build_calendar(meetings, name="Spotkania Partnerstwa Lokalnego Powiatu Nowodworskiego")
    return calendar_response(calendar, "kalendarz.ics", attachment=False)
