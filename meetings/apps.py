from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Spotkania"

    def ready(self):
        from django.db.models import Q

        from library import uses
        from meetings.models import REPORT_PROMISE_DAYS, Meeting, Report
        from pagecache import clock
        from stats.counter import counts

        # A meeting is today's from the midnight of its day and past from the next one.
        clock.changes_at(Meeting, "date")
        clock.changes_at(Meeting, "date", day_after=True)
        # A held meeting promises its report only for a while: from then on it says there is none.
        clock.changes_at(Meeting, "date", when=Q(status=Meeting.Status.HELD), days_after=REPORT_PROMISE_DAYS)
        # A scheduled report appears by itself.
        clock.changes_at(Report, "published_at", when=Q(status=Report.Status.PUBLISHED))
        # Readers' views of a meeting's page are counted (stats/).
        counts(Meeting)
        # The library's „Gdzie użyto” of images (library/uses.py).
        uses.register(Meeting, ["description"], "Spotkanie")
        uses.register(Report, ["body"], "Relacja")
