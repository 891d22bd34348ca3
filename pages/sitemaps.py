"""sitemap.xml: one entry per kind of content. Another app adds its sitemap in one line of SITEMAPS."""

from django.urls import reverse

from agreement.sitemaps import AgreementSitemap
from core.seo import PortalSitemap
from meetings.sitemaps import MeetingSitemap
from members.sitemaps import InstitutionSitemap
from news.sitemaps import CategorySitemap, PostSitemap
from pages.models import Page


class FixedPagesSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "news:list",
            "accessibility_statement",
            "meetings:list",
            "members:directory",
            "agreement",
            "partnership_index",
            "contact",
            # Information about the activity in three forms, and the accessibility request form.
            "activity_easy_to_read",
            "activity_sign_language",
            "activity_text",
            "accessibility_request",
        ]

    def location(self, item):
        return reverse(item)


class PageSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().only("url_path", "section", "updated_at").order_by("pk")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {
    "strony": FixedPagesSitemap,
    "strony-tresci": PageSitemap,
    "aktualnosci": PostSitemap,
    "kategorie": CategorySitemap,
    "spotkania": MeetingSitemap,
    "partnerzy": InstitutionSitemap,
    "porozumienia": AgreementSitemap,
    # Another app adds one line here.
}
