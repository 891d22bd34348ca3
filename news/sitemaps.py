from core.seo import PortalSitemap
from news.models import Category, Post


class PostSitemap(PortalSitemap):
    changefreq = "monthly"
    limit = 1000

    def items(self):
        return Post.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, post):
        return post.updated_at


class CategorySitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.only("slug").order_by("name")
