from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Strony portalu"

    def ready(self):
        from library import uses
        from pagecache import clock
        from pages.models import ActivityInformation, Announcement, HomePage, Page
        from stats.counter import counts

        # A notice on the home page appears at its start and leaves at its end, with no save.
        clock.changes_at(Announcement, "starts_at")
        clock.changes_at(Announcement, "ends_at")
        # Readers' views of a simple page are counted (stats/).
        counts(Page)
        # The library's „Gdzie użyto” of images (library/uses.py).
        uses.register(Page, ["body"], "Strona")
        uses.register(ActivityInformation, ["easy_to_read"], "Informacja o działalności")
        # The home page's introduction is edited in its own form (a proxy of Coordinator): its uses
        # are recorded under the proxy, so „Gdzie użyto” links to that form.
        uses.register(HomePage, ["home_intro"], "Strona główna")
