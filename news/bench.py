"""Benchmark data for news: 1,000 posts in five categories."""

import datetime

from django.utils import timezone

from news.demo import FIRST_POST_BODY
from news.models import Category, Post

POSTS = 1000


def fill(log):
    categories = [Category.objects.create(name=name, slug=slug) for name, slug in [
        ("Newsy", "newsy"), ("Wydarzenia", "wydarzenia"), ("Rynek pracy", "rynek-pracy"),
        ("Szkolenia", "szkolenia"), ("Komunikaty", "komunikaty"),
    ]]
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


def urls():
    return {
        "home": "/",
        "news list": "/aktualnosci/",
        "post": "/aktualnosci/wpis-testowy-500/",
    }
