from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView

from news.models import Category, Post


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
        {"post": post, "previous_post": previous_post, "next_post": next_post},
    )
