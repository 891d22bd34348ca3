from members.models import Institution
from pages.seo import PortalSitemap


class InstitutionSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Institution.objects.published().only("slug").order_by("name")
