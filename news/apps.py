from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"

    def ready(self):
        from news.models import Comment, Rating, post_tag
        from pagecache.cache import changes_touch, register_time_boundary

        # Votes and comments show on their post's page only (lists, home, feeds and search show
        # neither): they renew that page, not the whole site. Moderation in the admin renews
        # everything anyway (every admin POST does).
        changes_touch(Comment, lambda comment: [post_tag(comment.post.slug)])
        changes_touch(Rating, lambda rating: [post_tag(rating.post.slug)])

        @register_time_boundary
        def next_scheduled_post():
            from django.db.models import Min
            from django.utils import timezone

            from news.models import Post

            return Post.objects.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now()).aggregate(
                at=Min("published_at")
            )["at"]
