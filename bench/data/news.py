"""Benchmark data for news: 1,000 posts in five categories, and three with 10, 100 and 1,000 comments."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from news.demo import FIRST_POST_BODY
from news.models import Category, Comment, Post

POSTS = 1000
COMMENTS = 10_000
READERS = 100
# make bench's comment-count series: a post page's cost must not grow with its discussion.
SERIES = (10, 100, 1000)


def fill(log):
    categories = [
        Category.objects.create(name=name, slug=slug)
        for name, slug in [
            ("Wiadomości", "wiadomosci"),
            ("Wydarzenia", "wydarzenia"),
            ("Rynek pracy", "rynek-pracy"),
            ("Szkolenia", "szkolenia"),
            ("Komunikaty", "komunikaty"),
        ]
    ]
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            title=f"Wpis testowy numer {n}",
            slug=f"wpis-testowy-{n}",
            lead="Zajawka wpisu używanego w pomiarach wydajności.",
            body=FIRST_POST_BODY,
            category=categories[n % len(categories)],
            status=Post.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=n),
        )
        for n in range(1, POSTS + 1)
    )
    log(f"{POSTS} posts in {len(categories)} categories")

    User = get_user_model()
    readers = User.objects.bulk_create(
        User(username=f"czytelnik{n}@bench.invalid", email=f"czytelnik{n}@bench.invalid", password="!")
        for n in range(READERS)
    )
    posts = list(Post.objects.order_by("pk").values_list("pk", flat=True))
    measured = Post.objects.get(slug="wpis-testowy-500").pk
    # 50 comments on the measured post, the rest spread over all posts.
    targets = [measured] * 50 + [posts[n % len(posts)] for n in range(COMMENTS - 50)]
    Comment.objects.bulk_create(
        (
            Comment(
                post_id=post_id,
                user=readers[n % READERS],
                author_name=f"Czytelnik {n % READERS}",
                body="Dziękuję za informację, czekamy na kolejne spotkania. https://example.pl",
                status=Comment.Status.APPROVED,
            )
            for n, post_id in enumerate(targets)
        ),
        batch_size=2000,
    )
    log(f"{COMMENTS} approved comments by {READERS} readers")

    for count in SERIES:
        post = Post.objects.create(
            title=f"Wpis z {count} komentarzami",
            slug=f"wpis-z-komentarzami-{count}",
            lead="Zajawka wpisu używanego w pomiarach wydajności.",
            body=FIRST_POST_BODY,
            category=categories[0],
            status=Post.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=POSTS + count),
        )
        Comment.objects.bulk_create(
            Comment(
                post=post,
                user=readers[n % READERS],
                author_name=f"Czytelnik {n % READERS}",
                body="Dziękuję za informację, czekamy na kolejne spotkania. https://example.pl",
                status=Comment.Status.APPROVED,
            )
            for n in range(count)
        )
    log(f"posts with {', '.join(map(str, SERIES))} comments")


def urls():
    return {
        "home": "/",
        "news list": "/aktualnosci/",
        "post": "/aktualnosci/wpis-testowy-500/",
    }


def series_urls():
    """The comment-count series: {comments: path}."""
    return {count: f"/aktualnosci/wpis-z-komentarzami-{count}/" for count in SERIES}
