from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktualności"

    def ready(self):
        from django.db.models import Q

        from library import uses
        from news.models import Comment, Post, Rating, post_tag
        from pagecache import clock
        from pagecache.versions import changes_touch
        from stats.counter import counts

        # Votes and comments show on their post's page only (lists, home, feeds and search show
        # neither): they renew that page, not the whole site. Moderation in the admin renews
        # everything anyway (every admin POST does).
        changes_touch(Comment, lambda comment: [post_tag(comment.post.slug)])
        changes_touch(Rating, lambda rating: [post_tag(rating.post.slug)])
        # A scheduled post appears by itself.
        clock.changes_at(Post, "published_at", when=Q(status=Post.Status.PUBLISHED))
        # … and leaves at its end of publication.
        clock.changes_at(Post, "unpublish_at", when=Q(status=Post.Status.PUBLISHED))
        # Readers' views of a post's page are counted (stats/).
        counts(Post)
        # The library's „Gdzie użyto” of images (library/uses.py).
        uses.register(Post, ["body"], "Wpis")
