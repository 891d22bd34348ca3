from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Spotkania"

    def ready(self):
        from pagecache.cache import register_time_boundary

        @register_time_boundary
        def next_meeting_change():
            """When cached pages go stale by themselves: a meeting day ends, a scheduled report appears."""
            import datetime

            from django.db.models import Min
            from django.utils import timezone

            from meetings.models import WARSAW, Meeting, Report

            moments = []
            today = timezone.localdate()
            # Upcoming/past lists change when the day of the nearest meeting is over.
            nearest = Meeting.objects.filter(date__gte=today).aggregate(day=Min("date"))["day"]
            if nearest is not None:
                moments.append(datetime.datetime.combine(nearest + datetime.timedelta(days=1), datetime.time(), WARSAW))
            report_at = Report.objects.filter(
                status=Report.Status.PUBLISHED, published_at__gt=timezone.now()
            ).aggregate(at=Min("published_at"))["at"]
            if report_at is not None:
                moments.append(report_at)
            return min(moments) if moments else None
