"""The moments at which public content changes by itself, with no save: one mechanism for every model.

A scheduled post appears at its ``published_at``; an office held until 31 May is history
from 1 June; a meeting is upcoming until the end of its day. Each app registers such fields
once, in its AppConfig.ready():

    clock.changes_at(Post, "published_at", when=Q(status=Post.Status.PUBLISHED))
    clock.changes_at(Office, "start_date")                  # from the midnight that starts it
    clock.changes_at(Office, "end_date", day_after=True)    # from the midnight after it
    clock.changes_at(Meeting, "date", days_after=14)         # from the midnight 14 days after it

``next_change()`` is the soonest such moment still to come. Every new content version
(pagecache.versions.bump) carries it, and the first request after it renews every page, so
nothing that depends on the date outlives its moment. Dates are days in TIME_ZONE.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Min
from django.utils import timezone


@dataclass(frozen=True)
class _Field:
    model: type
    name: str
    when: models.Q | None
    days_after: int

    def next_moment(self, now):
        rows = self.model._default_manager.all()
        if self.when is not None:
            rows = rows.filter(self.when)
        if isinstance(self.model._meta.get_field(self.name), models.DateTimeField):
            return rows.filter(**{f"{self.name}__gt": now}).aggregate(at=Min(self.name))["at"]
        # A date changes pages at its midnight, or at the midnight ``days_after`` days later:
        # still to come when that midnight is after today's.
        shift = datetime.timedelta(days=self.days_after)
        today = timezone.localdate(now)
        day = rows.filter(**{f"{self.name}__gt": today - shift}).aggregate(at=Min(self.name))["at"]
        if day is None:
            return None
        day += shift
        return datetime.datetime.combine(day, datetime.time(), timezone.get_current_timezone())


_fields = []
_moments = []


def changes_at(model, field, *, when=None, day_after=False, days_after=0):
    """Rows of ``model`` (those matching ``when``) change public pages at the moment ``field`` holds.

    For a date, ``day_after`` (the midnight after it) or ``days_after`` (the midnight that many
    days after it) moves the moment later.
    """
    _fields.append(_Field(model, field, when, 1 if day_after else days_after))


def register(func):
    """A moment that belongs to no row (the new year, for the footer): ``func(now) -> datetime | None``."""
    _moments.append(func)
    return func


@register
def new_year(now):
    year = timezone.localdate(now).year + 1
    return datetime.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())


def next_change(now=None):
    """The soonest moment after ``now`` at which public content changes by itself."""
    now = now or timezone.now()
    moments = [f.next_moment(now) for f in _fields] + [func(now) for func in _moments]
    moments = [m for m in moments if m is not None]
    return min(moments) if moments else None
