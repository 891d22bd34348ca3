from html import unescape

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import ListView

from news.models import Category, Post
from partnerstwo.metryczka import metryczka_for
from partnerstwo.sanitize import html_to_text
from partnerstwo.seo import absolute_url, json_ld


class PostList(ListView):
    template_name = "news/post_list.html"
    context_object_name = "posts"
    paginate_by = 10

    def get_queryset(self):
        return Post.objects.published().select_related("category")


class CategoryPostList(PostList):
    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


def post_detail(request, slug):
    posts = Post.objects.select_related("category", "author")
    if not request.user.is_staff:
        posts = posts.published()  # staff preview drafts and scheduled posts here
    post = get_object_or_404(posts, slug=slug)
    public = Post.objects.published().only("title", "slug", "published_at")
    previous_post = public.filter(published_at__lt=post.published_at).order_by("-published_at", "-pk").first()
    next_post = public.filter(published_at__gt=post.published_at).order_by("published_at", "pk").first()
    return render(
        request,
        "news/post_detail.html",
        {
            "post": post,
            "previous_post": previous_post,
            "next_post": next_post,
            "metryczka": metryczka_for(post),
            "post_json_ld": json_ld(news_article_data(post)),
        },
    )


def news_article_data(post):
    """schema.org NewsArticle for search engines; built from what the page shows."""
    publisher = {"@type": "GovernmentOrganization", "name": settings.SITE_NAME, "url": absolute_url("/")}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": post.lead or unescape(html_to_text(post.body))[:300],
        "datePublished": timezone.localtime(post.published_at).isoformat(),
        "dateModified": timezone.localtime(post.updated_at).isoformat(),
        "articleSection": post.category.name,
        "inLanguage": "pl",
        "mainEntityOfPage": absolute_url(post.get_absolute_url()),
        "url": absolute_url(post.get_absolute_url()),
        "author": publisher,
        "publisher": publisher,
    }
    if post.image:
        data["image"] = [absolute_url(post.image.url)]
    return data
