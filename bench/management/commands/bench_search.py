import datetime
import re
import statistics
import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from meetings.demo import FIRST_MEETING_DESCRIPTION, RADA_DESCRIPTION
from news.demo import FIRST_POST_BODY
from news.models import Category, Post
from pages.demo import PARTNERSHIP_PAGES
from search import index, polish, views

# Real Polish texts of the demo content, in turn: every post is long, and
# words like „partnerstwo” occur in nearly all of them (the worst case).
TEXTS = [FIRST_POST_BODY, RADA_DESCRIPTION, FIRST_MEETING_DESCRIPTION] + [body for _s, _t, body in PARTNERSHIP_PAGES]
TITLES = [
    "Partnerstwo lokalne w powiecie nowodworskim",
    "Posiedzenie Powiatowej Rady Rynku Pracy",
    "Spotkanie w Trębkach Nowych",
] + [title for _slug, title, _body in PARTNERSHIP_PAGES]

QUERIES = [
    "partnerstwo",
    "rynek pracy",
    "urząd",
    "gminom",
    "powiat",
    "Pomiechówek",
    "Zakroczymiu",
    "trebki nowe",
    "porozumieniu",
    "dialog społeczny",
    "porozumienei",
    "nowodworski urząd pracy",
    "starostwie powiatowym",
    "organizacja pozarzadowa",
    "xyzzy",
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Benchmark: indexes N posts of Polish demo text (default 1,000) inside a transaction that is rolled "
        "back, then times the search page in this process (the view with its template, no HTTP) for a set "
        "of Polish queries and prints the median and slowest time of each, and the queries it ran. "
        "Usage: manage.py bench_search [--posts N] [--repeat R]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=1000)
        parser.add_argument("--repeat", type=int, default=20, help="Times each query is run (default 20).")

    def handle(self, *args, posts, repeat, **options):
        # Static URLs without collectstatic's manifest: the same work for the page.
        plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        storages = {**settings.STORAGES, "staticfiles": plain}
        try:
            with transaction.atomic(), override_settings(STORAGES=storages):
                self.fill(posts)
                self.measure(repeat)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")

    def fill(self, n):
        category = Category.objects.create(name="Pomiary", slug="pomiary-wyszukiwarki")
        now = timezone.now()
        Post.objects.bulk_create(
            (
                Post(
                    title=f"{TITLES[i % len(TITLES)]} ({i})",
                    slug=f"pomiar-wyszukiwarki-{i}",
                    category=category,
                    body=TEXTS[i % len(TEXTS)],
                    status=Post.Status.PUBLISHED,
                    published_at=now - datetime.timedelta(hours=i),
                )
                for i in range(n)
            ),
            batch_size=500,
        )
        started = time.perf_counter()
        count = index.rebuild()
        self.stdout.write(f"Indexed {count} documents ({n} posts) in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            # What autovacuum does soon after such a load: without statistics the planner
            # guesses, and the word lookup scans the whole word list.
            cursor.execute("ANALYZE search_document, search_word")

    def measure(self, repeat):
        request_factory = RequestFactory()

        def search(q):
            request = request_factory.get("/szukaj/", {"q": q})
            request.user = AnonymousUser()
            response = views.search(request)
            assert response.status_code == 200, (q, response.status_code)
            return response

        started = time.perf_counter()
        polish.lemmas("rynku")
        self.stdout.write(f"Loading the dictionary (once per process): {(time.perf_counter() - started) * 1000:.0f} ms")
        search("rozgrzewka")  # templates, content types, connection

        self.stdout.write(f"{'query':<28} {'median':>9} {'slowest':>9} {'in SQL':>9} {'found':>6} {'queries':>8}")
        medians = []
        for q in QUERIES:
            times, sql_times = [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = search(q)
                    times.append((time.perf_counter() - started) * 1000)
                sql_times.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
            medians.append(statistics.median(times))
            self.stdout.write(
                f"{q:<28} {statistics.median(times):>6.1f} ms {max(times):>6.1f} ms "
                f"{statistics.median(sql_times):>6.1f} ms {_count(response):>6} {len(queries):>8}"
            )
        self.stdout.write(
            f"All queries: median {statistics.median(medians):.1f} ms, slowest median "
            f"{max(medians):.1f} ms (target: under 50 ms)"
        )


def _count(response):
    """The number of results the page reports („Znaleziono 12 wyników”)."""
    found = re.search(r"Znaleziono (\d+)", response.content.decode())
    return int(found.group(1)) if found else 0
