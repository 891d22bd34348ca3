from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"

    def ready(self):
        from pagecache.cache import register_time_boundary

        @register_time_boundary
        def next_scheduled_post():
            from django.db.models import Min
            from django.utils import timezone

            from news.models import Post

            return Post.objects.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now()).aggregate(
                at=Min("published_at")
            )["at"]
