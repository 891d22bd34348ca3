"""View counts per item, with nothing about the reader: one ``DailyViews`` row per item and day.

1. A public item page marks its response with ``shown(response, obj)``; the page cache keeps the
   mark with the stored page, so a cached hit carries it too (pagecache/middleware.py).
2. ``stats.middleware.ViewCountMiddleware``, before the page cache, adds one to the item's row of
   the day (``count_view``): one ``INSERT … ON CONFLICT DO UPDATE SET count = count + 1``, exact
   under concurrency.
3. ``tidy()``, run hourly by ``manage.py daily``, drops the rows of items deleted for good and
   renews the pages that show the counts (the ``VIEWS_TAG`` of the page cache), so the count a
   stored page shows is at most an hour old.

Apps name their counted models once, in AppConfig.ready(): ``stats.counter.counts(Post)``.
"""

import datetime
import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, CharField, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format

from core.templatetags.pl import plural_form
from pagecache.versions import touch
from stats.models import DailyViews

log = logging.getLogger(__name__)

# The tag of every page that shows a count: renewed by each hourly tidy, so pages show the new numbers.
VIEWS_TAG = "stats:views"

_counted = []


def counts(model):
    """Count the views of ``model``'s public pages (call it in AppConfig.ready())."""
    if model not in _counted:
        _counted.append(model)


def counted_models():
    return list(_counted)


def item_of(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


def shown(response, obj):
    """Mark a response as the public page of ``obj``: the middleware counts it, the page cache keeps the mark."""
    response.view_item = item_of(obj)
    return response


def count_view(item, now=None):
    """One more view of ``item`` (``item_of``) today (local date), in its ``DailyViews`` row.

    One statement, whether the day's row exists or not: the row is inserted with 1, or, when
    the unique constraint finds it there, its count grows by one in the database. Two views at
    the same instant are two. The content type comes from Django's cache (a query only the first
    time in a process). Run outside a transaction (the middleware runs after the view, and
    ATOMIC_REQUESTS is off), a failed statement leaves nothing open behind it.
    """
    label, pk = item.rsplit(":", 1)
    content_type = ContentType.objects.get_for_model(apps.get_model(label))
    with connection.cursor() as cursor:
        cursor.execute(_COUNT_SQL, [content_type.pk, int(pk), timezone.localdate(now)])


def _count_sql():
    """INSERT … ON CONFLICT … DO UPDATE SET count = count + 1, in the model's own table and columns.

    The ORM's ``bulk_create(update_conflicts=True)`` can only write the new row's value over the
    old one, not add to it; its update-then-create would take two to four statements for the
    day's first view, and compiling the query costs as much as running it (bench/RESULTS.md).
    """
    meta = DailyViews._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = [quote(meta.get_field(name).column) for name in ("content_type", "object_id", "day", "count")]
    key = ", ".join(columns[:3])
    count = columns[3]
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES (%s, %s, %s, 1) "
        f"ON CONFLICT ({key}) DO UPDATE SET {count} = {table}.{count} + 1"
    )


_COUNT_SQL = _count_sql()


def tidy():
    """The hourly duty: drop the rows of items deleted for good, renew the pages that show counts.

    The trash keeps its items' rows until it is emptied (``_base_manager`` sees trashed items).
    Returns the number of rows dropped. Running it twice, or beside another run, does no harm.
    """
    dropped = 0
    for model in _counted:
        content_type = ContentType.objects.get_for_model(model)
        dropped += (
            DailyViews.objects.filter(content_type=content_type)
            .exclude(object_id__in=model._base_manager.values("pk"))
            .delete()[0]
        )
    # Every hour, whatever changed: the counts grow with each view, and the pages say their
    # number is at most an hour old.
    transaction.on_commit(lambda: touch(VIEWS_TAG))
    return dropped


def total_subquery(model, object_id=None):
    """The total views of an item, as an annotation of the query that loads it (no query of its own)."""
    meta = model._meta
    rows = (
        DailyViews.objects.filter(
            content_type__app_label=meta.app_label,
            content_type__model=meta.model_name,
            object_id=object_id if object_id is not None else OuterRef("pk"),
        )
        .order_by()
        .values("object_id")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def counts_for(obj, today=None):
    """(the last 30 days, all time) of one item, in one query: for the admin's change form."""
    today = today or timezone.localdate()
    meta = obj._meta
    rows = DailyViews.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=obj.pk
    )
    found = rows.aggregate(
        recent=Coalesce(Sum("count", filter=_since(today)), Value(0)), total=Coalesce(Sum("count"), Value(0))
    )
    return found["recent"], found["total"]


def _since(today, days=30):
    return Q(day__gt=today - datetime.timedelta(days=days))


def most_read(models, today=None, limit=10):
    """The items of ``models`` read most in the last 30 days, with their titles, in one query.

    Rows of deleted items (no title found) are left out. Each row: app_label, model, object_id,
    title, total.
    """
    today = today or timezone.localdate()
    models = [m for m in _counted if m in models]
    if not models:
        return []
    title = Case(
        *(
            When(
                content_type__app_label=m._meta.app_label,
                content_type__model=m._meta.model_name,
                then=Subquery(m._default_manager.filter(pk=OuterRef("object_id")).values("title")[:1]),
            )
            for m in models
        ),
        output_field=CharField(),
    )
    return list(
        DailyViews.objects.filter(_since(today))
        .filter(
            Q.create(
                [Q(content_type__app_label=m._meta.app_label, content_type__model=m._meta.model_name) for m in models],
                connector=Q.OR,
            )
        )
        .values("content_type__app_label", "content_type__model", "object_id")
        .annotate(title=title, total=Sum("count"))
        .filter(title__isnull=False)
        .order_by("-total", "title")[:limit]
    )


def as_number(n):
    """„1 234”: Polish grouping with a no-break space."""
    return number_format(n, force_grouping=True)


def views_label(n):
    """„1 wyświetlenie”, „2 wyświetlenia”, „1 234 wyświetlenia”, „5 wyświetleń”."""
    return f"{as_number(n)} {plural_form(n, 'wyświetlenie', 'wyświetlenia', 'wyświetleń')}"
