from core.seo import PortalSitemap
from members.models import Institution


class InstitutionSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Institution.objects.published().only("slug").order_by("name")
