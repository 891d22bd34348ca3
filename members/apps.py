from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Partnerzy"

    def ready(self):
        from library import uses
        from members.models import Institution, Office
        from pagecache import clock

        # An office is held from the midnight of its first day until the midnight after its last:
        # the partner list, the institution's page and open data name the holder of the day.
        clock.changes_at(Office, "start_date")
        clock.changes_at(Office, "end_date", day_after=True)
        # The library's „Gdzie użyto” of images (library/uses.py).
        uses.register(Institution, ["description"], "Instytucja")
