"""RSS 2.0 and Atom feeds of the news, whole and per category, with the full (sanitized) text."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.links import absolute_url
from core.sanitize import html_to_text, shown_html
from news.models import Category, Post

FEED_SIZE = 30


class _FullContentMixin:
    """Adds the whole post as <content:encoded> (RSS) or <content> (Atom)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            if isinstance(self, Atom1Feed):
                handler.addQuickElement("content", item["content"], {"type": "html"})
            else:
                handler.addQuickElement("content:encoded", item["content"])


class RssWithContent(_FullContentMixin, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}


class AtomWithContent(_FullContentMixin, Atom1Feed):
    pass


class LatestPosts(Feed):
    feed_type = RssWithContent
    language = "pl"
    description = "Najnowsze wpisy portalu Partnerstwa Lokalnego Powiatu Nowodworskiego."

    def title(self, obj=None):
        return f"Aktualności – {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute_url(reverse("news:list"))

    def feed_url(self, obj=None):
        return absolute_url(reverse("news:rss"))

    def items(self, obj=None):
        return Post.objects.published().select_related("category")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or html_to_text(item.body)[:500]

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name]

    def item_extra_kwargs(self, item):
        return {"content": shown_html(item.body)}


class LatestPostsAtom(LatestPosts):
    feed_type = AtomWithContent
    subtitle = LatestPosts.description

    def feed_url(self, obj=None):
        return absolute_url(reverse("news:atom"))


class CategoryPosts(LatestPosts):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"Aktualności: {obj.name} – {settings.SITE_NAME}"

    def description(self, obj=None):
        return obj.description or f"Wpisy z kategorii „{obj.name}”."

    def link(self, obj=None):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj=None):
        return absolute_url(reverse("news:category_rss", args=[obj.slug]))

    def items(self, obj=None):
        return Post.objects.published().filter(category=obj).select_related("category")[:FEED_SIZE]


class CategoryPostsAtom(CategoryPosts):
    feed_type = AtomWithContent

    def subtitle(self, obj=None):
        return self.description(obj)

    def feed_url(self, obj=None):
        return absolute_url(reverse("news:category_atom", args=[obj.slug]))
