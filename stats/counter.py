"""View counts per item, with nothing about the reader: a counter per item and day in the shared cache.

1. A public item page marks its response with ``shown(response, obj)``; the page cache keeps the
   mark with the stored page, so a cached hit carries it too (pagecache/middleware.py).
2. ``stats.middleware.ViewCountMiddleware``, before the page cache, adds one to the item's counter
   of the day (``count_view``): an atomic ``incr`` in the ``views`` cache, no row written.
3. ``fold()``, run hourly by ``manage.py daily``, moves the counters into ``DailyViews`` rows,
   drops the rows of items deleted for good, and renews the pages that show the counts (the
   ``VIEWS_TAG`` of the page cache).

Apps name their counted models once, in AppConfig.ready(): ``stats.counter.counts(Post)``.
"""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import Case, CharField, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.connection import ConnectionProxy
from django.utils.formats import number_format

from core.templatetags.pl import plural_form
from pagecache.versions import touch
from stats.models import DailyViews

log = logging.getLogger(__name__)

# Its own alias (settings.CACHES): counters never expire, and the database cache's ``incr``
# keeps the alias's timeout (None), not the 300 seconds of the default one.
cache = ConnectionProxy(caches, "views")
# The tag of every page that shows a count: renewed by each fold, so pages show the new numbers.
VIEWS_TAG = "stats:views"
# Days of counters each fold reads: today and two before, so a worker stopped for a day loses nothing.
FOLD_DAYS = 3
# Any number: two folds at once would move the same counters twice; the second waits its turn.
FOLD_LOCK = 0x57A75

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


def counter_key(item, day):
    return f"views:{item}:{day.isoformat()}"


def count_view(item, now=None):
    """One more view of ``item`` today (local date): atomic on Redis. On Django's database cache,
    ``incr`` reads and then writes the value: a few queries, and two views of one item at the same
    instant may count as one (bench/RESULTS.md, 6 December)."""
    key = counter_key(item, timezone.localdate(now))
    try:
        cache.incr(key)
    except ValueError:  # the day's first view, or a rival's add was not there yet
        if not cache.add(key, 1, None):
            cache.incr(key)


def fold(today=None):
    """Move the counters of the last FOLD_DAYS days into DailyViews; returns the views moved.

    Idempotent: a counter is lowered by exactly what was added to its row, in the same
    transaction, so a second run (or a view arriving meanwhile) is never counted twice.
    """
    today = today or timezone.localdate()
    days = [today - datetime.timedelta(days=n) for n in range(FOLD_DAYS)]
    moved = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FOLD_LOCK])
        for model in _counted:
            content_type = ContentType.objects.get_for_model(model)
            label = model._meta.label_lower
            pks = list(model._base_manager.values_list("pk", flat=True))
            for start in range(0, len(pks), 300):
                keys = {counter_key(f"{label}:{pk}", day): (pk, day) for pk in pks[start : start + 300] for day in days}
                found = {key: n for key, n in cache.get_many(list(keys)).items() if n}
                if not found:
                    continue
                _add_to_rows(content_type, {keys[key]: n for key, n in found.items()})
                for key, n in found.items():
                    cache.decr(key, n)
                moved += sum(found.values())
            # The rows of items deleted for good (the trash keeps its items' rows until it is emptied).
            DailyViews.objects.filter(content_type=content_type).exclude(
                object_id__in=model._base_manager.values("pk")
            ).delete()
    if moved:
        transaction.on_commit(lambda: touch(VIEWS_TAG))
    return moved


def _add_to_rows(content_type, counts_by_item_day):
    existing = {
        (row.object_id, row.day): row
        for row in DailyViews.objects.filter(
            content_type=content_type,
            object_id__in={pk for pk, _ in counts_by_item_day},
            day__in={day for _, day in counts_by_item_day},
        )
    }
    new, grown = [], []
    for (pk, day), n in counts_by_item_day.items():
        row = existing.get((pk, day))
        if row is None:
            new.append(DailyViews(content_type=content_type, object_id=pk, day=day, count=n))
        else:
            row.count += n  # read under the fold's lock: no other fold changes it meanwhile
            grown.append(row)
    DailyViews.objects.bulk_update(grown, ["count"])
    DailyViews.objects.bulk_create(new)


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
