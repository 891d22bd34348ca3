"""sitemap.xml: one entry per kind of content. Another app adds its sitemap in one line of SITEMAPS."""

from django.urls import reverse

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
    # Another app adds one line here.
}
