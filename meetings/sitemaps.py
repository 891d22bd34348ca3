from django.db.models.functions import Coalesce, Greatest

from core.seo import PortalSitemap
from meetings.models import Meeting


class MeetingSitemap(PortalSitemap):
    changefreq = "weekly"
    limit = 1000

    def items(self):
        # A report published later changes the page too.
        return (
            Meeting.objects.published()
            .annotate(changed=Greatest("updated_at", Coalesce("report__updated_at", "updated_at")))
            .only("slug", "updated_at")
            .order_by("-date", "-pk")
        )

    def lastmod(self, meeting):
        return meeting.changed
