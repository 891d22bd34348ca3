from agreement.models import Agreement
from core.seo import PortalSitemap


class AgreementSitemap(PortalSitemap):
    """The later agreements; the founding one is /porozumienie/, listed with the fixed pages."""

    changefreq = "yearly"

    def items(self):
        published = Agreement.objects.published()
        founding = published.order_by("signed_on", "pk").values("pk")[:1]
        return published.exclude(pk__in=founding).only("slug", "updated_at").order_by("signed_on", "pk")

    def lastmod(self, agreement):
        return agreement.updated_at
